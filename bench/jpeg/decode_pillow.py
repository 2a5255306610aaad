"""Decode-only timing of Pillow: draft() to 1/SCALE (libjpeg DCT scaling) then load(), ROUNDS times in one
process. Prints the CPU time of the first (cold) and the best round: "cold MS best MS". usage: decode_pillow.py SCALE ROUNDS FILE..."""
import sys, time
import PIL.Image
scale, rounds, files = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
times = []
for _ in range(rounds):
    start = time.process_time()
    for path in files:
        image = PIL.Image.open(path)
        image.draft("RGB", (max(1, image.size[0] // scale), max(1, image.size[1] // scale)))
        image.load()
    times.append(int((time.process_time() - start) * 1000))
print("cold %d best %d" % (times[0], min(times)))
