package main

import (
	"bytes"
	"fmt"
	"go/format"
	"io"
	"os"
	"sort"

	"github.com/ndislint/ndislint/internal/driver"
)

// edit is one replacement in a file, in byte offsets.
type edit struct {
	start, end int
	text       []byte
}

// maxFixRounds bounds -fix's rounds: a fix that conflicted with another
// is taken in a later round, on the file as the earlier round left it.
const maxFixRounds = 5

// fixLoop runs the analysis, applies the first suggested fix of every
// finding whose edits overlap no edit already taken, and runs again, until
// a round has no fix to take (or maxFixRounds). Then it prints the findings
// left, at their positions in the fixed files. The status is 1 on errors
// (load, type, or a file that could not be rewritten), 3 when findings are
// left, else 0.
func fixLoop(run func() (*runResult, bool), stderr io.Writer) int {
	for round := 0; ; round++ {
		r, hadErrors := run()
		if r == nil || hadErrors {
			return exitError
		}
		edits, left := r.takeFixes()
		if len(edits) == 0 || round == maxFixRounds {
			(&runResult{fset: r.fset, diags: left}).printText(stderr, -1)
			if len(left) > 0 {
				return exitFindings
			}
			return exitClean
		}
		for _, name := range sortedKeys(edits) {
			if err := applyEdits(name, edits[name]); err != nil {
				fmt.Fprintf(stderr, "-fix: %v\n", err)
				return exitError
			}
		}
	}
}

// takeFixes returns the edits of the fixes taken, by file, and the
// findings not fixed.
func (r *runResult) takeFixes() (map[string][]edit, []driver.Diagnostic) {
	edits := map[string][]edit{}
	var left []driver.Diagnostic
	for _, d := range r.diags {
		if suppressed(d) || !r.take(d, edits) {
			left = append(left, d)
		}
	}
	return edits, left
}

// take adds d's first fix to edits when it has one and none of its edits
// overlaps an edit already taken; it reports whether it did.
func (r *runResult) take(d driver.Diagnostic, edits map[string][]edit) bool {
	if len(d.SuggestedFixes) == 0 || len(d.SuggestedFixes[0].TextEdits) == 0 {
		return false
	}
	add := map[string][]edit{}
	for _, e := range d.SuggestedFixes[0].TextEdits {
		start := r.fset.Position(e.Pos)
		end := start
		if e.End.IsValid() {
			end = r.fset.Position(e.End)
		}
		ed := edit{start: start.Offset, end: end.Offset, text: e.NewText}
		if overlaps(edits[start.Filename], ed) || overlaps(add[start.Filename], ed) {
			return false
		}
		add[start.Filename] = append(add[start.Filename], ed)
	}
	for name, es := range add {
		edits[name] = append(edits[name], es...)
	}
	return true
}

// overlaps reports whether e overlaps one of es: their ranges intersect,
// or one is an insertion at the start of the other's range. Insertions
// at one offset do not overlap: they are applied in the order taken (the
// findings' order), as go/analysis's checker applies them.
func overlaps(es []edit, e edit) bool {
	for _, o := range es {
		if e.start < o.end && o.start < e.end {
			return true
		}
		if e.start == o.start && (e.start != e.end) != (o.start != o.end) {
			return true
		}
	}
	return false
}

// applyEdits rewrites file name with the edits, gofmt'ed when it still
// parses.
func applyEdits(name string, es []edit) error {
	src, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].start < es[j].start })
	var b bytes.Buffer
	last := 0
	for _, e := range es {
		if e.start < last || e.end > len(src) {
			return fmt.Errorf("%s: edit at offset %d out of range", name, e.start)
		}
		b.Write(src[last:e.start])
		b.Write(e.text)
		last = e.end
	}
	b.Write(src[last:])
	out := b.Bytes()
	if formatted, err := format.Source(out); err == nil {
		out = formatted
	}
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	return os.WriteFile(name, out, info.Mode().Perm())
}

// sortedKeys returns the map's keys, sorted.
func sortedKeys(m map[string][]edit) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
