"""The guard resolves many paths a folder at a time, as ``Path.resolve`` does each."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diamond.errors import OutputError
from diamond.io.guard import InputGuard, _Resolver


def test_the_resolver_agrees_with_path_resolve(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real"
    (real / "deep").mkdir(parents=True)
    (real / "q.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "linked").symlink_to(real)  # a folder reached through a link
    (real / "to-q.yaml").symlink_to(real / "q.yaml")  # a file that is a link
    (real / "dangling.yaml").symlink_to(tmp_path / "missing" / "gone.yaml")
    (real / "up").symlink_to("..")
    monkeypatch.chdir(real)
    paths = [Path(p) for p in (
        "q.yaml", "missing.yaml", "deep/../q.yaml", "to-q.yaml", "dangling.yaml", "up/real/q.yaml",
        "deep/..", ".", "..", "up", "up/linked/deep/x.md",
    )] + [tmp_path / "linked" / name for name in ("q.yaml", "to-q.yaml", "new.md", "deep/a.md")]
    resolve = _Resolver()
    for _round in range(2):  # the second time from the folders it remembers
        for path in paths:
            assert resolve(path) == path.resolve(), path
    assert resolve.folders  # it did remember folders


def test_a_target_reached_through_a_linked_folder_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    source = real / "q.yaml"
    source.write_text("x", encoding="utf-8")
    (tmp_path / "linked").symlink_to(real)
    guard = InputGuard([source])
    guard.refuse([tmp_path / "linked" / "other.md"])  # no error
    with pytest.raises(OutputError, match="input file"):
        guard.refuse([tmp_path / "linked" / "q.yaml"])
    os.unlink(source)  # gone from disk: still refused by its resolved name
    with pytest.raises(OutputError, match="input file"):
        guard.refuse([tmp_path / "linked" / "q.yaml"])


def test_the_guard_confirms_what_its_hashes_find(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard keeps hashes of places and identities: a hash found is checked against
    the inputs, so even when every hash collides only an input is refused, named as the
    last input given that it is (by name, then on disk)."""
    from diamond.io import guard as module

    monkeypatch.setattr(module, "hash", lambda _value: 0, raising=False)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (inputs / name).write_text("x", encoding="utf-8")
    os.link(inputs / "b.yaml", tmp_path / "hard.md")  # another name of b.yaml
    monkeypatch.chdir(inputs)
    guard = InputGuard([str(inputs / "a.yaml"), inputs / "b.yaml", "b.yaml"])
    monkeypatch.chdir(tmp_path)  # relative inputs stay where they were given
    guard.refuse([tmp_path / "new.md", inputs / "c.yaml"])  # colliding hashes, no input
    guard.refuse_in(str(tmp_path), "other.md")
    with pytest.raises(OutputError, match=r"input file .*in/a\.yaml;"):
        guard.refuse([tmp_path / "x" / ".." / "in" / "a.yaml"])
    with pytest.raises(OutputError, match=r"hard\.md: it is the input file b\.yaml;"):
        guard.refuse_in(str(tmp_path), "hard.md")
    with pytest.raises(OutputError, match=r"input file b\.yaml;"):  # the last one given
        guard.refuse([inputs / "b.yaml"])
