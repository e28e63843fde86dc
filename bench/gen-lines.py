#!/usr/bin/env python3
"""Writes N random IPv4 feed lines with a fixed seed, for bench/net-merge.sh.

85% single addresses, 10% CIDR blocks (network address, /16 to /31, mostly /24 and longer),
5% "a-b" ranges (up to 4096 addresses). Same seed, same file, on every machine.

usage: gen-lines.py OUTPUT [LINES] [SEED]
"""
import random
import sys


def main() -> None:
    output = sys.argv[1]
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20260822)
    out = []
    for _ in range(lines):
        address = rng.randrange(0x01000000, 0xE0000000)  # 1.0.0.0 to 223.255.255.255: unicast
        kind = rng.randrange(100)
        if kind < 10:
            prefix = rng.choice((16, 20, 22, 23, 24, 24, 24, 25, 26, 27, 28, 29, 30, 31))
            address &= (0xFFFFFFFF << (32 - prefix)) & 0xFFFFFFFF
            out.append(f"{dotted(address)}/{prefix}")
        elif kind < 15:
            last = min(address + rng.randrange(1, 4097), 0xFFFFFFFF)
            out.append(f"{dotted(address)}-{dotted(last)}")
        else:
            out.append(dotted(address))
    with open(output, "w", encoding="ascii") as f:
        f.write("\n".join(out))
        f.write("\n")


def dotted(value: int) -> str:
    return f"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}"


if __name__ == "__main__":
    main()
