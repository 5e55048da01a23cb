"""`import calculator` time as a ratio to `import numpy`, each in a fresh interpreter.

Each figure is the median wall time of a fresh `python -c "import X"` minus the median of a bare
`python -c "pass"`, so interpreter start-up cancels out. Also checks that the core pulls in
neither pandas, plotly nor streamlit at import.

Both are timed with their bytecode cached, as after an install: the runs write and read their
``.pyc`` files in a temporary folder (``PYTHONPYCACHEPREFIX``), whatever
``PYTHONDONTWRITEBYTECODE`` says, and a first, untimed import of each fills it. Without that, a
machine that sets ``PYTHONDONTWRITEBYTECODE`` compiles every module of the project from source
on every run (numpy's were compiled when it was installed), which measured the compiler.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _median_run(code: str, repeat: int, env: dict[str, str]) -> float:
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO, env=env)  # fills caches
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO, env=env)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def run(quick: bool = False) -> dict[str, float]:
    repeat = 5 if quick else 21
    with tempfile.TemporaryDirectory(prefix="offer-compass-pycache-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        bare = _median_run("pass", repeat, env)
        numpy_s = _median_run("import numpy", repeat, env) - bare
        calc_s = _median_run("import calculator", repeat, env) - bare
    heavy = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, calculator; "
            "print(','.join(m for m in ('pandas', 'plotly', 'streamlit') if m in sys.modules))",
        ],
        check=True,
        cwd=REPO,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if heavy:
        raise SystemExit(f"import calculator pulled in: {heavy}")
    return {
        "import numpy (ms)": numpy_s * 1e3,
        "import calculator (ms)": calc_s * 1e3,
        "import calculator / import numpy": calc_s / numpy_s,
    }
