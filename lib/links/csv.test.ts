import { csvCell, csvLine, CsvSyntaxError, CsvTooManyRecordsError, parseCsv, unguardCell } from "@/lib/links/csv";

const cellsOf = (text: string) => parseCsv(text).map((r) => r.cells);

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(\"x\")", '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["", ""],
  ])("%j → %s", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("writes numbers and nulls plainly", () => {
    expect(csvLine([1, null, undefined, "x"])).toBe("1,,,x\r\n");
  });

  it("round-trips through the parser and the guard", () => {
    const values = ["=1+1", "-x", "a,\"b\"\r\nc", "'quoted", "@me", "plain", ""];
    const [record] = parseCsv(csvLine(values));
    expect(record?.cells.map(unguardCell)).toEqual(values);
  });
});

describe("parseCsv", () => {
  it("reads CRLF, LF and CR lines, a BOM, and skips blank lines", () => {
    expect(cellsOf("\uFEFFa,b\r\n1,2\n\n3,4\r5,6\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
      ["5", "6"],
    ]);
  });

  it("keeps empty cells and quoted empties", () => {
    expect(cellsOf('a,,c\n"",x\n""\n')).toEqual([["a", "", "c"], ["", "x"], [""]]);
  });

  it("reads quoted cells with commas, quotes and newlines, and reports start lines", () => {
    const records = parseCsv('h1,h2\n"a,b","multi\nline ""q"""\nlast,row');
    expect(records).toEqual([
      { line: 1, cells: ["h1", "h2"] },
      { line: 2, cells: ["a,b", 'multi\nline "q"'] },
      { line: 4, cells: ["last", "row"] },
    ]);
  });

  it("treats a quote inside an unquoted cell literally", () => {
    expect(cellsOf('a"b,c\n')).toEqual([['a"b', "c"]]);
  });

  it("refuses an unterminated quote and text after a closing quote, with the line", () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\nb\n"x"y');
    } catch (err) {
      expect(err).toBeInstanceOf(CsvSyntaxError);
      expect((err as CsvSyntaxError).line).toBe(3);
    }
  });

  it("stops past the record limit", () => {
    expect(() => parseCsv("a\nb\nc\n", 2)).toThrow(CsvTooManyRecordsError);
    expect(parseCsv("a\nb\n", 2)).toHaveLength(2);
  });
});
