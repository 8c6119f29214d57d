"""Peak memory of a portfolio's pages stage at 8,100 clusters, whole against streamed.

``python benchmarks/portfolio_pages_memory.py FOLDER OUT`` assesses the questionnaires
in FOLDER (300 of the benchmark corpus, say), repeats their clusters 27 times, then
measures with ``tracemalloc`` the peak above what is held of: the pages streamed into
their temporaries (``ReportWriter.finish(portfolio_pages(...))``), and the pages
rendered whole and then staged (``render_portfolio`` + ``write_set``, as the command
did before issue #16's round three); last, it checks both wrote the same bytes.
"""

from __future__ import annotations

import dataclasses
import gc
import sys
import tracemalloc
from pathlib import Path


def main() -> None:
    from diamond.io.atomic import write_set
    from diamond.portfolio import ReportWriter, render_portfolio, run_portfolio
    from diamond.portfolio.render import portfolio_pages

    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    p = run_portfolio(folder, jobs=2)
    many = [dataclasses.replace(c, source=f"p-{k:02d}/{c.source}", stem=f"p{k:02d}-{c.stem}")
            for k in range(27) for c in p.clusters]
    p = dataclasses.replace(p, clusters=tuple(many), reports=())
    print("clusters", len(p.clusters))
    for mode in ("streamed", "whole"):
        gc.collect()
        tracemalloc.start()
        if mode == "whole":
            files = render_portfolio(p)
            write_set([(out / mode / f.name, f.content) for f in files])
            del files
        else:
            with ReportWriter(out / mode, []) as writer:
                writer.finish(portfolio_pages(p))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{mode}: pages stage peak +{peak / 2**20:.1f} MiB", flush=True)
    for name in ("portfolio.md", "portfolio.html", "portfolio.json"):
        same = (out / "whole" / name).read_bytes() == (out / "streamed" / name).read_bytes()
        print(name, "identical" if same else "DIFFERENT", (out / "whole" / name).stat().st_size)


if __name__ == "__main__":
    main()
