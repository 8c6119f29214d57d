"""Write files whole or not at all: temporaries beside the targets, then renames.

A symbolic link is written through: its target is replaced, in the target's own
folder, and the link stays. A file with more than one hard link is refused,
since a rename would split it from its other names (see ``docs/``: "Writing
files"). The replaced file's permission bits are kept.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from diamond.errors import OutputError
from diamond.i18n import _
from diamond.io.temps import clean_stale, temp_name
from diamond.memo import remember


@dataclass(frozen=True, slots=True)
class Staged:
    """A temporary holding a file's new content, not yet renamed over ``final``.

    Kept as texts, a folder and two names (a portfolio holds one per report file until
    the end, thousands of them, and sends them between processes): ``final`` is
    ``folder/name``, ``temp`` is ``folder/temp_name``, ``shown`` (the path as given, for
    messages) is ``final`` unless it differs (a symbolic link written through).
    """

    folder: str
    name: str
    temp_name: str
    given: Path | None = None

    @classmethod
    def of(cls, shown: Path, final: Path, temp: Path) -> Staged:
        """The temporary ``temp`` (in ``final``'s folder) for ``final``, shown as ``shown``."""
        folder = _shared(os.fspath(final.parent))
        return cls(folder, final.name, temp.name, None if shown == final else shown)

    @property
    def final(self) -> Path:
        """Where the content goes."""
        return Path(self.folder, self.name)

    @property
    def temp(self) -> Path:
        """The temporary holding it."""
        return Path(self.folder, self.temp_name)

    @property
    def shown(self) -> Path:
        """The path as given (messages name it)."""
        return self.final if self.given is None else self.given

    def final_path(self) -> str:
        """``final`` as text."""
        return os.path.join(self.folder, self.name)

    def temp_path(self) -> str:
        """``temp`` as text."""
        return os.path.join(self.folder, self.temp_name)

    def sharing(self) -> Staged:
        """The same, its folder's text shared with every other staged in that folder (one
        that arrived from another process brings its own copy)."""
        folder = _shared(self.folder)
        return self if folder is self.folder else Staged(folder, self.name, self.temp_name,
                                                         self.given)


#: One text per folder of staged temporaries (a portfolio stages thousands into one).
_folders: dict[str, str] = {}


def _shared(folder: str) -> str:
    found = _folders.get(folder)
    return remember(_folders, folder, folder, 1024) if found is None else found


def cannot_write(path: object, exc: OSError) -> str:
    """The message for a file the system refused to write."""
    return _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)


def cannot_write_into(folder: object, exc: OSError) -> str:
    """The message for a folder the system refused to write into."""
    return _("cannot write into {folder}: {reason}").format(
        folder=folder, reason=exc.strerror or exc
    )


def final_path(path: Path) -> Path:
    """Where writing ``path`` really lands: a symbolic link's target, else ``path``."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def check_target(shown: Path, final: Path) -> os.stat_result | None:
    """The existing file's status, or None; refuses folders and hard-linked files."""
    try:
        info = os.stat(final)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(cannot_write(shown, exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(
            _("cannot write {path}: a folder of that name exists").format(path=shown)
        )
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(_("cannot write {path}: it is not a regular file").format(path=shown))
    if info.st_nlink > 1:
        raise OutputError(
            _(
                "refusing to write {path}: it has {links} hard links, and replacing it "
                "would leave the other names with the old content; make it a single file "
                "(cp {path} copy && mv copy {path}) or write elsewhere"
            ).format(path=shown, links=info.st_nlink)
        )
    return info


def _mode(info: os.stat_result | None) -> int:
    if info is not None:
        return info.st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


#: Characters of streamed text gathered before they are encoded and written.
CHUNK_CHARS = 1 << 16

#: What a file's new content may be: text, bytes, or text in pieces (written as they come).
Content = str | bytes | Iterable[str]


def _write(stream: BinaryIO, content: Content) -> None:
    if isinstance(content, (str, bytes)):
        stream.write(content.encode("utf-8") if isinstance(content, str) else content)
        return
    gathered: list[str] = []
    size = 0
    for piece in content:
        gathered.append(piece)
        size += len(piece)
        if size >= CHUNK_CHARS:
            stream.write("".join(gathered).encode("utf-8"))
            gathered.clear()
            size = 0
    stream.write("".join(gathered).encode("utf-8"))


def stage(path: Path, content: Content, *, owner: int | None = None,
          synced: bool = True) -> Staged:
    """Write ``content`` to a new temporary beside ``path``'s final place, synced to disk.

    Text is written as UTF-8 with ``\\n`` line ends on every platform; text in pieces (an
    iterable of ``str``, such as a template's ``generate``) is written as it comes, so a
    long page is never whole in memory, and an error it raises removes the temporary.
    ``owner``: the process that will rename it (see ``temps.temp_name``), this one by
    default. ``synced=False`` leaves the sync to the caller, who must ``flush.flush``
    the temporary before renaming it (a set of thousands synced at once).
    """
    final = final_path(path)
    info = check_target(path, final)
    folder = final.parent if str(final.parent) else Path(".")
    made = info is not None  # the file is there, so its folder is
    clean_stale(folder)  # nothing to clean in a folder not made yet
    while True:
        temp = folder / temp_name(final.name, owner)
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            break
        except FileExistsError:
            continue
        except (FileNotFoundError, NotADirectoryError) as exc:  # no folder yet
            if made:
                raise OutputError(cannot_write_into(folder, exc)) from None
            made = True  # made once a folder, not on every file (a portfolio writes thousands)
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise OutputError(cannot_write_into(folder, error)) from None
        except OSError as exc:
            raise OutputError(cannot_write_into(folder, exc)) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            _write(stream, content)
            stream.flush()
            if synced:
                os.fsync(stream.fileno())
        os.chmod(temp, _mode(info))
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise OutputError(cannot_write(path, exc)) from None
        raise
    return Staged.of(path, final, temp)


def discard(staged: Sequence[Staged]) -> None:
    """Remove temporaries that will not be renamed."""
    for item in staged:
        with contextlib.suppress(OSError):
            os.unlink(item.temp_path())


def commit(staged: Sequence[Staged]) -> None:
    """Rename every temporary over its final name (renames need no disk space)."""
    for n, item in enumerate(staged):
        try:
            os.replace(item.temp_path(), item.final_path())
        except OSError as exc:
            discard(staged[n:])
            done = ", ".join(str(s.shown) for s in staged[:n]) or _("none")
            raise OutputError(
                _("cannot write {path}: {reason} (already replaced: {done})").format(
                    path=item.shown, reason=exc.strerror or exc, done=done
                )
            ) from None
    for folder in dict.fromkeys(item.folder for item in staged):
        _sync_folder(Path(folder))


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder if str(folder) else ".", os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_set(files: Sequence[tuple[Path, Content]]) -> list[Path]:
    """Write several files as one: every temporary first, then the renames.

    If any temporary cannot be written (a full disk, say), none of the files is
    touched and every temporary is removed.
    """
    staged: list[Staged] = []
    try:
        for path, content in files:
            staged.append(stage(path, content))
    except BaseException:
        discard(staged)
        raise
    commit(staged)
    return [path for path, _content in files]


def write_atomic(path: Path, content: str | bytes) -> None:
    """Replace ``path`` with ``content`` atomically; the old file stays intact on failure."""
    write_set([(path, content)])


def create_new(path: Path, content: str | bytes) -> None:
    """Write ``path`` atomically, refusing if a file of that name appears meanwhile."""
    [staged] = [stage(path, content)]
    try:
        os.link(staged.temp, staged.final)
    except FileExistsError:
        raise OutputError(
            _(
                "refusing to write {path}: a file of that name appeared while working; "
                "nothing was written"
            ).format(path=path)
        ) from None
    except OSError:  # a file system without hard links: fall back on a rename
        if os.path.lexists(staged.final):
            discard([staged])
            raise OutputError(
                _("refusing to write {path}: it already exists").format(path=path)
            ) from None
        os.replace(staged.temp, staged.final)
        return
    finally:
        if os.path.lexists(staged.temp):
            discard([staged])
    _sync_folder(staged.final.parent)
