"""The audit of a set of published cells as one linear system: no held-back small cell comes out of any chain.

Every figure a reader sees (notes, people concerned, the mood's sum) is a sum over notes, so each published cell is
an equation «the sum of these notes' values = the figure». A «Cộng» adds shown cells only, so it adds no equation
of its own. A held-back cell can be worked out, through any number of subtractions across tables and grains, exactly
when its vector of notes lies in the row space of the shown cells' vectors. Notes that every cell holds or leaves
alike are merged first (the same unknown to a reader), which keeps the matrix at a few hundred columns at most.

A sum of two held-back cells is a figure too: `sums` names pairs of cells whose sum must not come out either (the
caller picks them: those that together still stand on too few sources).
"""

import contextlib
import ctypes
import threading
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence, Set
from pathlib import Path
from typing import TypeVar

import numpy as np
import numpy.typing as npt

CellId = TypeVar("CellId", bound=Hashable)
TOLERANCE = 1e-6
_BLAS_LOCK = threading.Lock()


def _blas_threads() -> tuple[Callable[[], int], Callable[[int], None]] | None:
    """The get/set of the thread count of the OpenBLAS numpy ships with, where it can be found."""
    for path in sorted((Path(np.__file__).parent.parent / "numpy.libs").glob("libscipy_openblas*")):
        with contextlib.suppress(OSError, AttributeError):
            lib = ctypes.CDLL(str(path))
            get, put = lib.scipy_openblas_get_num_threads64_, lib.scipy_openblas_set_num_threads64_
            get.restype, put.argtypes = ctypes.c_int, [ctypes.c_int]
            return get, put
    return None


_THREADS = _blas_threads()


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Linear algebra on one thread: these matrices are small, and on a busy machine BLAS threads waiting for a
    core turn a 0,1 s decomposition into ten seconds."""
    if _THREADS is None:
        yield
        return
    get, put = _THREADS
    with _BLAS_LOCK:
        before = get()
        put(1)
        try:
            yield
        finally:
            put(before)


def _matrix(cells: Mapping[CellId, Set[int]]) -> tuple[list[CellId], npt.NDArray[np.float64]]:
    """The cells' rows over the atoms: the groups of notes that every cell holds or leaves together."""
    ids = list(cells)
    membership: dict[int, list[int]] = {}
    for row, cell in enumerate(ids):
        for note in cells[cell]:
            membership.setdefault(note, []).append(row)
    atoms = sorted({tuple(rows) for rows in membership.values()})
    matrix = np.zeros((len(ids), len(atoms)))
    for column, rows in enumerate(atoms):
        matrix[list(rows), column] = 1.0
    return ids, matrix


def _basis(rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """An orthonormal basis of the rows' span (one basis vector a row of the result)."""
    if rows.shape[0] == 0:
        return np.zeros((0, rows.shape[1]))
    _u, singular, vt = np.linalg.svd(rows, full_matrices=False)
    return vt[singular > TOLERANCE * max(1.0, float(singular[0]))]


def _target(matrix: npt.NDArray[np.float64], index: Mapping[CellId, int], group: Sequence[CellId]) -> npt.NDArray:
    """A group's row: the sum of its cells' rows."""
    return np.asarray(matrix[[index[cell] for cell in group]].sum(axis=0))


def _groups_derivable(
    basis: npt.NDArray[np.float64],
    matrix: npt.NDArray[np.float64],
    index: Mapping[CellId, int],
    groups: Sequence[tuple[CellId, ...]],
) -> npt.NDArray[np.bool_]:
    """For each group of one or two cells, whether the sum of its rows lies in the span. The residual is linear, so
    a pair's is the sum of its cells' residuals and its norm comes from their Gram matrix: one projection a cell,
    however many pairs."""
    if any(len(group) > 2 for group in groups):
        raise ValueError("Groups of one or two cells only.")
    cells = sorted({cell for group in groups for cell in group}, key=lambda cell: index[cell])
    position = {cell: row for row, cell in enumerate(cells)}
    vectors = matrix[[index[cell] for cell in cells]]
    residual = vectors - (vectors @ basis.T) @ basis
    gram = residual @ residual.T
    first = np.array([position[group[0]] for group in groups])
    second = np.array([position[group[-1]] for group in groups])
    pair = np.array([len(group) == 2 for group in groups])
    squared = gram[first, first] + np.where(pair, gram[second, second] + 2 * gram[first, second], 0.0)
    return np.asarray(np.sqrt(np.maximum(squared, 0.0)) < TOLERANCE * 10, dtype=bool)


def _groups(
    ids: Sequence[CellId], shown: Set[CellId], protected: Set[CellId], sums: Iterable[Collection[CellId]]
) -> list[tuple[CellId, ...]]:
    """The protected cells held back, one a group, then the groups of `sums` none of whose cells is shown."""
    known = set(ids)
    singles = [(cell,) for cell in ids if cell in protected and cell not in shown]
    extra = [tuple(group) for group in sums if all(cell in known and cell not in shown for cell in group)]
    return singles + extra


def exposed_groups(
    cells: Mapping[CellId, Set[int]],
    shown: Set[CellId],
    protected: Set[CellId],
    *,
    sums: Iterable[Collection[CellId]] = (),
) -> set[tuple[CellId, ...]]:
    """The protected cells held back (as groups of one) and the `sums`, that the shown cells give away."""
    ids, matrix = _matrix(cells)
    index = {cell: row for row, cell in enumerate(ids)}
    groups = _groups(ids, shown, protected, sums)
    if not groups:
        return set()
    basis = _basis(matrix[[index[cell] for cell in ids if cell in shown]])
    flags = _groups_derivable(basis, matrix, index, groups)
    return {group for group, flag in zip(groups, flags, strict=True) if flag}


def exposed(cells: Mapping[CellId, Set[int]], shown: Set[CellId], protected: Set[CellId]) -> set[CellId]:
    """The protected cells, held back, that the shown cells give away through some chain of sums and differences."""
    return {group[0] for group in exposed_groups(cells, shown, protected)}


def close(
    cells: Mapping[CellId, Set[int]],
    shown: Set[CellId],
    protected: Set[CellId],
    *,
    weight: Callable[[CellId], tuple[object, ...]],
    sums: Iterable[Collection[CellId]] = (),
) -> set[CellId]:
    """The shown cells, fewer until no protected cell, nor any group of `sums`, is exposed.

    While a protected cell comes out, hold back one of the shown cells its derivation uses: the lightest (by
    `weight`) whose loss alone breaks it, else the lightest of them, and check again. Each round holds one more cell
    back, so it ends within as many rounds as there are shown cells; each round is one decomposition.
    """
    ids, matrix = _matrix(cells)
    index = {cell: row for row, cell in enumerate(ids)}
    published = {cell for cell in ids if cell in shown}
    groups = _groups(ids, shown, protected, sums)
    if not groups:
        return published
    while published:
        rows = sorted(published, key=weight)
        shown_matrix = matrix[[index[cell] for cell in rows]]
        u, singular, vt = np.linalg.svd(shown_matrix, full_matrices=len(rows) > shown_matrix.shape[1])
        rank = int(np.sum(singular > TOLERANCE * max(1.0, float(singular[0]))))
        flags = _groups_derivable(vt[:rank], matrix, index, groups)
        if not flags.any():
            break
        target = _target(matrix, index, groups[int(np.argmax(flags))])
        # The least-norm way to build the target from the shown cells, and the cells no other shown cell stands in
        # for (zero in every combination of the shown cells that adds up to nothing): holding back one of those that
        # the target uses breaks every way of building it, since all of them use it alike.
        coefficients = u[:, :rank] @ ((vt[:rank] @ target) / singular[:rank])
        essential = np.all(np.abs(u[:, rank:]) < TOLERANCE, axis=1)
        used = [row for row, c in enumerate(coefficients) if abs(c) > TOLERANCE]
        breaking = [row for row in used if essential[row]]
        published.discard(rows[(breaking or used or [0])[0]])
    return published
