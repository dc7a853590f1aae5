package report

import (
	"os"
	"unicode/utf8"
)

// columns converts go/token's byte columns and offsets into Unicode code
// points, SARIF's columnKind "unicodeCodePoints", reading each file once.
// A file it cannot read, or an offset past its end, keeps its byte values
// (exact for ASCII, which Go source mostly is).
type columns struct {
	readFile func(string) ([]byte, error)
	files    map[string][]byte
}

// newColumns returns a converter reading files with readFile (nil:
// os.ReadFile).
func newColumns(readFile func(string) ([]byte, error)) *columns {
	if readFile == nil {
		readFile = os.ReadFile
	}
	return &columns{readFile: readFile, files: map[string][]byte{}}
}

// content returns file's bytes, or nil.
func (c *columns) content(file string) []byte {
	if b, ok := c.files[file]; ok {
		return b
	}
	b, err := c.readFile(file)
	if err != nil {
		b = nil
	}
	c.files[file] = b
	return b
}

// column returns the code-point column of byte offset off whose byte
// column is col.
func (c *columns) column(file string, off, col int) int {
	src := c.content(file)
	if src == nil || off < 0 || off > len(src) || col < 1 || col-1 > off {
		return col
	}
	return 1 + utf8.RuneCount(src[off-(col-1):off])
}

// offset returns the code-point offset of byte offset off.
func (c *columns) offset(file string, off int) int {
	src := c.content(file)
	if src == nil || off < 0 || off > len(src) {
		return off
	}
	return utf8.RuneCount(src[:off])
}

// region returns p's SARIF region in code points: start line and column,
// and the end when p has one. A point's region has no end (SARIF extends
// it to the end of the line).
func (c *columns) region(p Position) *sarifRegion {
	if p.Line == 0 {
		return nil
	}
	r := &sarifRegion{StartLine: p.Line, StartColumn: c.column(p.File, p.Offset, p.Col)}
	if p.EndLine != 0 {
		r.EndLine = p.EndLine
		r.EndColumn = c.column(p.File, p.EndOffset, p.EndCol)
	}
	return r
}

// deleted returns an edit's deleted region: its lines and columns, and its
// character offset and length, in code points.
func (c *columns) deleted(p Position) sarifRegion {
	r := c.region(p)
	if r == nil {
		r = &sarifRegion{}
	}
	start := c.offset(p.File, p.Offset)
	end := c.offset(p.File, p.EndOffset)
	if end < start {
		end = start
	}
	n := end - start
	r.CharOffset, r.CharLength = &start, &n
	return *r
}
