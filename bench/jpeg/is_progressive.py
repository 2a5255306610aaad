"""Prints the JPEG files given that are progressive (a SOF2 frame header), one per line."""
import sys
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    i = 2
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        if marker in (0xC2, 0xC6, 0xCA, 0xCE):
            print(path)
            break
        if marker in (0xC0, 0xC1, 0xC3, 0xDA):
            break
        i += 2 + (data[i + 2] << 8 | data[i + 3])
