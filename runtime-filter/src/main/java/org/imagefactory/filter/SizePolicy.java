package org.imagefactory.filter;

/** Which box sizes an unsigned URL may ask for; a correctly signed URL may ask for any. */
public enum SizePolicy {
    /** Each requested dimension is rounded up to the next step of the size ladder (down to the top step). */
    SNAP,
    /** A dimension that is not on the ladder is refused ({@code 400}). */
    STRICT,
    /** Every size is allowed: for development, where nobody fills the disk on purpose. */
    ANY
}
