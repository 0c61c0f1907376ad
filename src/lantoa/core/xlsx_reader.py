"""Reading an uploaded .xlsx as a stream of rows, in bounded memory, counting every cell it reads.

openpyxl, even in read-only mode, scans a whole sheet to find its size when the file omits it and builds every
cell of a row before handing the row over: a 90 KB upload of one row of three million cells cost 34 s of CPU and
1.6 GB. Here each XML element is dropped as soon as it is read, and reading stops at `max_cells` cells (or as many
shared texts), wherever they are: in the columns an importer wants or beyond them, in one row or in many.

Only values are read, no styles: a date-formatted cell arrives as the serial number Excel stores (days since
1899-12-30, with Excel's phantom 29/02/1900), not as a date. No column of the one importer that uses this reader
(the units and enterprises template, `orgs.importers`) holds a date; an importer that adds one must convert that
column's serial numbers itself, minding the 1900 leap-year bug. The caller has bounded the package's unpacked
size first (an importer's `package_problem`). XML is read by defusedxml with DTDs refused (no entities).
"""

import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import IO, Any
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import iterparse
from openpyxl.utils import column_index_from_string


class UnreadableWorkbook(Exception):
    """Not a workbook this reader understands (a sheet missing, a row number that is not a number)."""


class TooManyCells(Exception):
    """More cells, or more shared texts, than the reader's budget."""


_COORDINATE = re.compile(r"([A-Za-z]{1,3})\d*")
_INTEGER = re.compile(r"-?\d{1,18}")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attribute(element: Element, name: str) -> str:
    """An attribute by its local name, whatever its namespace (transitional and strict OOXML differ)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return ""


def _elements(source: IO[bytes]) -> Iterator[tuple[str, Element, list[Element]]]:
    """("start" | "end", element, open ancestors), each element detached once read: memory stays one branch deep."""
    stack: list[Element] = []
    for event, element in iterparse(source, events=("start", "end"), forbid_dtd=True):
        if event == "start":
            yield event, element, stack
            stack.append(element)
            continue
        stack.pop()
        yield event, element, stack
        if stack:
            stack[-1].remove(element)  # its only child: earlier siblings were removed when they ended
        element.clear()


class WorkbookReader:
    def __init__(self, data: IO[bytes], *, max_cells: int) -> None:
        try:
            self.package = zipfile.ZipFile(data)
            self.max_cells = max_cells
            self.cells_read = 0
            targets = self._relationships("xl/_rels/workbook.xml.rels")
            self.sheets: dict[str, str] = {}
            with self.package.open("xl/workbook.xml") as source:
                for event, element, _stack in _elements(source):
                    if event == "end" and _local(element.tag) == "sheet":
                        target = targets.get(_attribute(element, "id"), ("", ""))
                        if target[0] == "worksheet":
                            self.sheets[element.get("name", "")] = target[1]
            shared = next((path for kind, path in targets.values() if kind == "sharedStrings"), "")
            self.shared = self._shared_strings(shared) if shared in self.package.namelist() else []
        # ParseError is a SyntaxError; defusedxml's refusals are ValueErrors
        except (KeyError, zipfile.BadZipFile, SyntaxError, ValueError) as error:
            raise UnreadableWorkbook(str(error)) from error

    def _relationships(self, path: str) -> dict[str, tuple[str, str]]:
        """Id → (kind, part path) of a relationships part."""
        found = {}
        with self.package.open(path) as source:
            for event, element, _stack in _elements(source):
                if event == "end" and _local(element.tag) == "Relationship":
                    target = element.get("Target", "")
                    part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                    found[element.get("Id", "")] = (element.get("Type", "").rsplit("/", 1)[-1], part)
        return found

    def _shared_strings(self, path: str) -> list[str]:
        texts: list[str] = []
        parts: list[str] = []
        with self.package.open(path) as source:
            for event, element, stack in _elements(source):
                if event != "end":
                    continue
                tag = _local(element.tag)
                if tag == "t" and not any(_local(open_.tag) == "rPh" for open_ in stack):  # rPh: phonetic guide
                    parts.append(element.text or "")
                elif tag == "si":
                    texts.append("".join(parts))
                    parts = []
                    if len(texts) > self.max_cells:
                        raise TooManyCells
        return texts

    def close(self) -> None:
        self.package.close()

    def rows(self, sheet: str, *, width: int) -> Iterator[tuple[int, list[Any]]]:
        """(row number, values of columns A to `width`) for each row the sheet holds, in order; raises TooManyCells."""
        try:
            source = self.package.open(self.sheets[sheet])
        except KeyError as error:
            raise UnreadableWorkbook(sheet) from error
        with source:
            row_number = column = 0
            values: list[Any] = []
            cell: dict[str, Any] = {}
            try:
                for event, element, _stack in _elements(source):
                    tag = _local(element.tag)
                    if event == "start":
                        if tag == "row":
                            row_number = int(element.get("r") or row_number + 1)
                            column, values = 0, [None] * width
                        elif tag == "c":
                            column = self._column(element.get("r"), column)
                            cell = {"type": element.get("t", "n"), "value": None, "parts": []}
                        continue
                    if tag == "v":
                        cell["value"] = element.text
                    elif tag == "t" and cell:
                        cell["parts"].append(element.text or "")
                    elif tag == "c":
                        self.cells_read += 1
                        if self.cells_read > self.max_cells:
                            raise TooManyCells
                        if column <= width:
                            values[column - 1] = self._value(cell)
                        cell = {}
                    elif tag == "row":
                        yield row_number, values
            except (SyntaxError, ValueError) as error:
                raise UnreadableWorkbook(str(error)) from error

    @staticmethod
    def _column(coordinate: str | None, previous: int) -> int:
        if not coordinate:
            return previous + 1
        letters = _COORDINATE.fullmatch(coordinate)
        if letters is None:
            raise ValueError(coordinate)
        return column_index_from_string(letters.group(1).upper())

    def _value(self, cell: dict[str, Any]) -> Any:
        kind, raw = cell["type"], cell["value"]
        if kind == "inlineStr":
            return "".join(cell["parts"])
        if raw is None:
            return None
        if kind == "s":
            index = int(raw)
            return self.shared[index] if 0 <= index < len(self.shared) else None
        if kind == "b":
            return raw == "1"
        if kind in ("str", "e", "d"):
            return raw
        if _INTEGER.fullmatch(raw.strip()):
            return int(raw)
        return float(raw)
