"""Benchmarks against what a Python user would pick instead, each peer run in
this same process, printed as ratios with the goal beside them.

- P2: load and validate the embedded agreement, against pydantic v2 models
  generated from the project's JSON Schema by datamodel-code-generator
  (``model_validate_json``), with ``json.loads`` as the floor.
- P3: the national follow-up in memory, at ¼, ½ and full scale: the library
  on `Observations` already read, against polars' ``group_by`` on a
  DataFrame already read, doing the same sums (one thread each). The
  library also checks every row, hides small counts and measures progress;
  its result stays native until read, and the time with every row turned
  into a Python dict is printed beside it.
- P4: the annual follow-up from a pandas DataFrame of SYNTHETIC national
  observations at ¼, ½ and full scale, against polars doing the same
  aggregation from the same DataFrame (`polars.from_pandas`, then summing
  numerators and denominators per indicator × period × stratum for each
  region, each North Jutland cluster and the country); then the same from a
  CSV file, against polars reading it (one thread each, then every core).

Run by ``make bench`` (``scripts/bench-python.sh``), which generates the
models and the data and pins the peers' versions.
"""

from __future__ import annotations

import os
import sys

# Both read these once, at import: one thread each, unless this run is the
# one that measures every core (see `every_core`).
if "--every-core" not in sys.argv:
    os.environ["POLARS_MAX_THREADS"] = "1"
    os.environ["RAYON_NUM_THREADS"] = "1"

import importlib.util
import json
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any, Callable, List

import polars as pl

import sundhedsaftale

REPO = Path(__file__).resolve().parents[2]


def median_seconds(run: Callable[[], Any], repeat: int, number: int) -> float:
    """The median over ``repeat`` rounds of the mean time of ``number`` calls,
    after one untimed call (first calls pay for the allocator's fresh pages)."""
    run()
    rounds: List[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            run()
        rounds.append((time.perf_counter() - start) / number)
    return statistics.median(rounds)


def load_versus_pydantic(models_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("generated_models", models_path)
    assert spec and spec.loader
    models = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = models  # pydantic resolves generic models through it
    spec.loader.exec_module(models)
    text = (REPO / "core" / "data" / "nordjylland_2024.json").read_text(encoding="utf-8")
    models.HealthAgreement.model_validate_json(text)  # the peer accepts the document
    sundhedsaftale.loads(text)

    n = 1000
    ours = median_seconds(lambda: sundhedsaftale.loads(text), 3, n)
    pydantic = median_seconds(lambda: models.HealthAgreement.model_validate_json(text), 3, n)
    floor = median_seconds(lambda: json.loads(text), 3, n)
    print(f"P2 load + validate the embedded agreement ({len(text.encode())} bytes), {n} times, median of 3:")
    print(f"  json.loads (floor)                  {floor * 1e6:8.1f} µs")
    print(f"  pydantic {pydantic_version()} model_validate_json {pydantic * 1e6:8.1f} µs")
    print(f"  sundhedsaftale.loads               {ours * 1e6:8.1f} µs")
    print(f"  sundhedsaftale is {pydantic / ours:.2f}× faster than pydantic (goal: ≥ 3×); "
          f"{ours / floor:.2f}× json.loads")
    # The typed document is built when first asked for; this is its cost
    # when it is asked for at once, as pydantic always builds its objects.
    typed = median_seconds(lambda: sundhedsaftale.loads(text).document, 3, 100)
    print(f"  sundhedsaftale.loads(…).document    {typed * 1e6:8.1f} µs = {typed / pydantic:.2f}× pydantic's time "
          "(every object typed at once)")


def pydantic_version() -> str:
    import pydantic

    return str(pydantic.VERSION)


def polars_read(observations: Path, places: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    obs = pl.read_csv(observations, schema_overrides={"period": pl.Utf8, "stratum": pl.Utf8})
    where = pl.read_csv(places, schema_overrides={"region": pl.Utf8, "cluster": pl.Utf8})
    return obs, where


def polars_sums(observations: Path, places: Path) -> pl.DataFrame:
    """What the library's aggregation does, as a polars user would write it."""
    return polars_group(*polars_read(observations, places))


def polars_group(obs: pl.DataFrame, where: pl.DataFrame) -> pl.DataFrame:
    """The sums per region, cluster and the country, on data already in memory."""
    joined = obs.join(where, on="geography", how="left")
    keys = ["indicator", "period", "stratum"]
    sums = [pl.col("numerator").sum(), pl.col("denominator").sum()]
    by_region = joined.group_by([*keys, "region"]).agg(sums).rename({"region": "place"})
    by_cluster = (
        joined.filter(pl.col("cluster").is_not_null()).group_by([*keys, "cluster"]).agg(sums).rename({"cluster": "place"})
    )
    country = joined.group_by(keys).agg(sums).with_columns(pl.lit("DK").alias("place"))
    return pl.concat([by_region, by_cluster, country.select(by_region.columns)])


def in_memory_versus_polars(data: Path) -> None:
    print("\nP3 national follow-up in memory, SYNTHETIC observations already read, one thread each, median of 3:")
    for scale in ["quarter", "half", "full"]:
        folder = data / scale
        agreement = sundhedsaftale.load(folder / "agreement.json")
        observations = sundhedsaftale.Observations.read_csv(folder / "observations.csv")
        frames = polars_read(folder / "observations.csv", folder / "places.csv")
        ours = median_seconds(lambda: agreement.follow_up(2024, observations), 3, 1)
        as_dicts = median_seconds(lambda: agreement.follow_up(2024, observations).rows, 3, 1)
        peer = median_seconds(lambda: polars_group(*frames), 3, 1)
        print(
            f"  {scale:>7} ({len(observations):>9,} rows): sundhedsaftale {ours:6.3f} s, polars {pl.__version__} "
            f"group_by {peer:6.3f} s = {ours / peer:.2f}× polars (goal: ≤ 0.5×); "
            f"with every row as a Python dict {as_dicts:6.3f} s = {as_dicts / peer:.2f}×"
        )


def dataframe_versus_polars(data: Path) -> None:
    import pandas as pd

    print("\nP4 annual follow-up from a pandas DataFrame of SYNTHETIC national observations, one thread each, median of 3:")
    for scale in ["quarter", "half", "full"]:
        folder = data / scale
        frame = pd.read_csv(folder / "observations.csv", dtype={"period": str, "stratum": str})
        where = pl.read_csv(folder / "places.csv", schema_overrides={"region": pl.Utf8, "cluster": pl.Utf8})
        agreement = sundhedsaftale.load(folder / "agreement.json")
        ours = median_seconds(lambda: agreement.follow_up(2024, frame), 3, 1)
        peer = median_seconds(lambda: polars_group(pl.from_pandas(frame), where), 3, 1)
        print(
            f"  {scale:>7} ({len(frame):>9,} rows): sundhedsaftale {ours:6.2f} s, polars {pl.__version__} "
            f"from_pandas + group_by {peer:6.2f} s = {ours / peer:.2f}× polars (goal: ≤ 1×)"
        )


def follow_up_versus_polars(data: Path) -> None:
    print("\nP4 annual follow-up from CSV of SYNTHETIC national observations, one thread each, median of 3:")
    for scale in ["quarter", "half", "full"]:
        folder = data / scale
        observations, places = folder / "observations.csv", folder / "places.csv"
        rows = sum(1 for _ in observations.open(encoding="utf-8")) - 1
        agreement = sundhedsaftale.load(folder / "agreement.json")
        ours = median_seconds(lambda: agreement.follow_up(2024, observations), 3, 1)
        peer = median_seconds(lambda: polars_sums(observations, places), 3, 1)
        print(
            f"  {scale:>7} ({rows:>9,} rows): sundhedsaftale {ours:6.2f} s, polars {pl.__version__} "
            f"read_csv + group_by {peer:6.2f} s = {ours / peer:.2f}× polars (goal: ≤ 1×)"
        )


def every_core(data: Path) -> None:
    """P4 at full scale with every core for both (the library reads CSV in parts)."""
    folder = data / "full"
    observations, places = folder / "observations.csv", folder / "places.csv"
    agreement = sundhedsaftale.load(folder / "agreement.json")
    ours = median_seconds(lambda: agreement.follow_up(2024, observations), 3, 1)
    peer = median_seconds(lambda: polars_sums(observations, places), 3, 1)
    print(
        f"  full, every core ({os.cpu_count()}): sundhedsaftale {ours:6.2f} s, polars {peer:6.2f} s = {ours / peer:.2f}× polars"
    )


#: A child that follows up one file and prints its own peak resident memory (KB).
BAD_ROWS_CHILD = """
import resource, sys
import sundhedsaftale
try:
    sundhedsaftale.nordjylland_2024().follow_up(2024, sys.argv[1])
except sundhedsaftale.ValidationError as err:
    kept = len(err.errors())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, kept)
"""


def bad_rows_peak() -> None:
    """Peak memory of a follow-up on an all-bad CSV file (every row an
    indicator the agreement does not follow up) at ¼, ½ and full scale (a
    million rows), each in a process of its own, against the goal of 100 MB."""
    import tempfile

    print("\nall-bad CSV (every row an unknown indicator): follow_up(2024, path), peak memory of the whole process:")
    with tempfile.TemporaryDirectory() as folder:
        for scale, rows in (("quarter", 250_000), ("half", 500_000), ("full", 1_000_000)):
            path = Path(folder) / f"bad-{rows}.csv"
            with path.open("w") as f:
                f.write("indicator,geography,period,value\n")
                f.writelines(f"no-such-indicator,municipality:851,2024,{i}\n" for i in range(rows))
            out = subprocess.run([sys.executable, "-c", BAD_ROWS_CHILD, str(path)], check=True, capture_output=True, text=True)
            peak_kb, kept = (int(x) for x in out.stdout.split())
            peak = peak_kb / 1e3
            print(
                f"  {scale:>7} ({rows:>9} rows, file {path.stat().st_size / 1e6:5.1f} MB): peak {peak:6.1f} MB "
                f"= {peak / 100:.2f}× goal 100 MB; {kept} problems kept"
            )


def main() -> None:
    if sys.argv[1] == "--every-core":
        every_core(Path(sys.argv[2]))
        return
    models_path, data = Path(sys.argv[1]), Path(sys.argv[2])
    load_versus_pydantic(models_path)
    in_memory_versus_polars(data)
    dataframe_versus_polars(data)
    follow_up_versus_polars(data)
    bad_rows_peak()
    subprocess.run([sys.executable, __file__, "--every-core", str(data)], check=True)


if __name__ == "__main__":
    main()
