# The numpy/OpenBLAS baseline of `bnn bench` (run by NumpyBaseline.java as `python3 -c <this file> <request>`).
# Request (JSON, argv[1]): {"shapes": [[m, k, n], ...], "quick": bool, "repeat": int (0 = auto),
# "targetSeconds": float}. Prints one JSON object on stdout: numpy's version, its BLAS, the thread count
# OpenBLAS really uses, and per shape the median seconds of numpy.matmul(A, B, out=C) on float32.
# The timing rule is MedianTimer.java's, line by line; keep the two alike.
import json
import platform
import sys
import time

MIN_WARMUP_CALLS = 3
MIN_WARMUP_SECONDS = 0.3
MAX_WARMUP_SECONDS = 3.0
WINDOW = 5
SETTLED_SPREAD = 0.10
MIN_REPEATS = 5
MAX_REPEATS = 10000
QUICK_REPEATS = 3


def median(values):
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 == 1 else (s[mid - 1] + s[mid]) / 2


def spread(window):
    m = median(window)
    return (max(window) - min(window)) / m if m > 0 else 0.0


def seconds(call):
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def time_call(call, quick, repeat, target):
    warmup = []
    settled = False
    if quick:
        warmup.append(seconds(call))
    else:
        spent = 0.0
        while True:
            t = seconds(call)
            warmup.append(t)
            spent += t
            settled = (len(warmup) >= WINDOW and spent >= MIN_WARMUP_SECONDS
                       and spread(warmup[-WINDOW:]) <= SETTLED_SPREAD)
            enough = len(warmup) >= MIN_WARMUP_CALLS and spent >= MAX_WARMUP_SECONDS
            if settled or enough:
                break
    if repeat > 0:
        repeats = repeat
    elif quick:
        repeats = QUICK_REPEATS
    else:
        typical = median(warmup[-WINDOW:])
        repeats = int(max(MIN_REPEATS, min(MAX_REPEATS, -(-target // max(typical, 1e-9)))))
    times = [seconds(call) for _ in range(repeats)]
    return {"seconds": median(times), "repeats": repeats, "warmupCalls": len(warmup), "settled": settled}


def blas_config(np):
    try:
        return np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    except Exception:  # numpy < 1.26 has no mode="dicts": keep the printed text
        import contextlib
        import io
        text = io.StringIO()
        with contextlib.redirect_stdout(text):
            np.show_config()
        return {"text": text.getvalue()}


def openblas_runtime():
    """Asks the OpenBLAS library numpy loaded how many threads it uses and which CPU kernels it picked."""
    import ctypes
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower() and "/" in line}
    except OSError:
        return {}
    for path in sorted(paths):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        found = {}
        for prefix in ("scipy_openblas_", "openblas_"):
            for suffix in ("64_", "_64", ""):
                try:
                    threads = getattr(lib, prefix + "get_num_threads" + suffix)
                except AttributeError:
                    continue
                threads.restype = ctypes.c_int
                found["openblasThreads"] = threads()
                for key, name in (("openblasCore", "get_corename"), ("openblasConfig", "get_config")):
                    try:
                        function = getattr(lib, prefix + name + suffix)
                        function.restype = ctypes.c_char_p
                        found[key] = function().decode().strip()
                    except AttributeError:
                        pass
                found["openblasLibrary"] = path
                return found
    return {}


def main():
    request = json.loads(sys.argv[1])
    try:
        import numpy as np
    except ImportError as e:
        print(json.dumps({"available": False, "reason": str(e), "python": platform.python_version()}))
        return
    out = {"available": True, "version": np.__version__, "python": platform.python_version(),
           "blas": blas_config(np)}
    out.update(openblas_runtime())
    rng = np.random.default_rng(20240601)
    results = []
    for m, k, n in request["shapes"]:
        a = rng.uniform(-1, 1, (m, k)).astype(np.float32)
        b = rng.uniform(-1, 1, (k, n)).astype(np.float32)
        c = np.empty((m, n), dtype=np.float32)
        timing = time_call(lambda: np.matmul(a, b, out=c), request["quick"], request["repeat"],
                           request["targetSeconds"])
        timing.update({"m": m, "k": k, "n": n})
        results.append(timing)
        del a, b, c
    out["results"] = results
    print(json.dumps(out))


main()
