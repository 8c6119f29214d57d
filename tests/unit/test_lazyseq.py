"""``lazyseq.Built`` is indexed, sliced and iterated as a list of the same items is."""

from __future__ import annotations

import pytest

from diamond.lazyseq import Built, Listed


class Squares(Built[int]):
    def __init__(self, n: int) -> None:
        self.n = n
        self.made = 0

    def __len__(self) -> int:
        return self.n

    def _item(self, k: int) -> int:
        self.made += 1
        return k * k


@pytest.mark.parametrize("n", [0, 1, 2, 7])
def test_reads_as_the_list_of_its_items(n: int) -> None:
    seq, plain = Squares(n), [k * k for k in range(n)]
    assert list(seq) == plain and len(seq) == n
    for index in range(-n - 2, n + 2):
        if -n <= index < n:
            assert seq[index] == plain[index]
        else:
            with pytest.raises(IndexError):
                seq[index]
    for start in (None, -9, -1, 0, 1, 3, 9):
        for stop in (None, -9, -1, 0, 2, 9):
            for step in (None, 1, 2, -1, -3):
                assert seq[start:stop:step] == plain[start:stop:step]
    assert list(reversed(seq)) == plain[::-1]
    assert (4 in seq) == (4 in plain) and seq.count(1) == plain.count(1)


def test_items_are_made_only_when_read() -> None:
    seq = Squares(10_000)
    assert seq[-1] == 9_999 ** 2 and seq[3:5] == [9, 16]
    assert seq.made == 3


class ListedSquares(Listed[int], Squares):
    pass


def test_a_listed_sequence_compares_as_a_list() -> None:
    seq = ListedSquares(4)
    assert seq == [0, 1, 4, 9] and seq == (0, 1, 4, 9) and seq == ListedSquares(4)
    assert seq != [0, 1, 4] and seq != [0, 1, 4, 8] and seq != ListedSquares(3)
    assert seq != {0: 0} and seq != 0
    with pytest.raises(TypeError):
        hash(seq)
    hash(Squares(4))  # a plain Built sequence keeps identity hashing
