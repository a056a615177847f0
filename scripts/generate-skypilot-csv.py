#!/usr/bin/env python3
"""Writes a large SkyPilot-format catalog (vms.csv) for benchmarks: ROWS rows of GPU instances in several
regions and availability zones, with CPU-only rows, blank spot prices and fractional GPU counts mixed in, as the
real catalogs have. Deterministic for a given seed. Usage: generate-skypilot-csv.py ROWS [OUT] [--seed N]"""
import random
import sys

HEADER = "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Region,SpotPrice,Price,AvailabilityZone"
GPUS = [("A100", 3.67), ("A100-80GB", 5.07), ("H100", 12.29), ("H100-SXM", 11.06), ("L4", 0.80), ("T4", 0.53),
        ("A10G", 1.01), ("L40S", 1.86), ("V100", 3.06), ("RTX4090", 0.69), ("A10", 0.90), ("H200", 10.6)]
COUNTS = ["0.25", "0.5", "1", "2", "4", "8"]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--seed")]
    seed = next((int(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--seed=")), 7)
    rows = int(args[0]) if args else 1_000_000
    out = open(args[1], "w") if len(args) > 1 else sys.stdout
    rng = random.Random(seed)
    out.write(HEADER + "\n")
    written = 0
    instance = 0
    while written < rows:
        instance += 1
        region = f"region-{instance % 40}"
        zones = rng.randint(1, 4)
        if instance % 10 == 0:
            for z in range(zones):
                if written == rows:
                    break
                out.write(f"cpu-{instance}.large,,,{2 * (1 + z)},8.0,,{region},0.0361,0.096,{region}{chr(97 + z)}\n")
                written += 1
            continue
        name, base = GPUS[instance % len(GPUS)]
        count = COUNTS[instance % len(COUNTS)]
        price = base * float(count) * rng.uniform(0.8, 1.2)
        info = "\"{'Gpus': [{'Name': '%s', 'Count': %s}]}\"" % (name, count)
        for z in range(zones):
            if written == rows:
                break
            spot = "" if rng.random() < 0.2 else repr(price * rng.uniform(0.25, 0.45))
            out.write(f"gen-{instance}.{count}x,{name},{count},8,32.0,{info},{region},{spot},{price!r},{region}{chr(97 + z)}\n")
            written += 1


if __name__ == "__main__":
    main()
