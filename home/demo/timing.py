"""Timing for the `make bench` commands: samples in milliseconds, reported as median and p95."""

import statistics
import time


def median_and_p95(samples):
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def timed(function, repeat):
    """(median, p95) in ms of `repeat` calls of `function`."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return median_and_p95(samples)
