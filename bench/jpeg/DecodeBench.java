import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import org.imagefactory.core.jpeg.JpegDecoder;

/**
 * Decode-only timing of imagefactory's JPEG decoder: every file at 1/SCALE, ROUNDS times in one JVM.
 * Prints the CPU time of the decoding thread for the first (cold) and the best round in milliseconds:
 * "cold MS best MS". CPU time, because on a shared machine wall time measures the neighbours too.
 * Usage: java -cp imagefactory-core.jar DecodeBench.java SCALE ROUNDS FILE...
 */
public class DecodeBench {
    public static void main(String[] args) throws Exception {
        int scale = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        long cold = 0;
        long best = Long.MAX_VALUE;
        long checksum = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 2; i < args.length; i++) {
                byte[] data = Files.readAllBytes(Path.of(args[i]));
                checksum += JpegDecoder.decode(data, data.length, args[i], new int[] {scale}, Long.MAX_VALUE,
                        JpegDecoder.DEFAULT_MAX_BYTES)[0].getRGB(0, 0);
            }
            long ms = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
            if (r == 0) {
                cold = ms;
            }
            best = Math.min(best, ms);
        }
        System.out.println("cold " + cold + " best " + best + (checksum == 42 ? " " : ""));
    }
}
