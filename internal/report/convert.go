package report

import (
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/checks"
)

// FromDiagnostic converts a diagnostic that pass reported in package pkg
// into a Finding: d.Category is the rule ID; positions are resolved
// through fset (file, line, byte column, end, byte offsets); related
// positions and suggested fixes are kept in order. A related position
// whose message starts with checks.IgnoredMarker (a finding an
// //ndislint:ignore suppressed, reported under -show-ignored) becomes the
// finding's Suppressed instead: at the directive, with the text after the
// marker as the justification.
func FromDiagnostic(fset *token.FileSet, pass, pkg string, d analysis.Diagnostic) Finding {
	f := Finding{
		Rule:    d.Category,
		Pass:    pass,
		Package: pkg,
		Pos:     position(fset, d.Pos, d.End),
		Message: d.Message,
	}
	for _, r := range d.Related {
		pos := position(fset, r.Pos, r.End)
		if reason, ok := strings.CutPrefix(r.Message, checks.IgnoredMarker); ok {
			f.Suppressed = &Suppression{Pos: pos, Justification: strings.TrimSpace(reason)}
			continue
		}
		f.Related = append(f.Related, Related{Pos: pos, Message: r.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			fix.Edits = append(fix.Edits, Edit{Pos: span(fset, e.Pos, end), NewText: string(e.NewText)})
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}

// position resolves [pos, end) (end may be NoPos: a point).
func position(fset *token.FileSet, pos, end token.Pos) Position {
	if !pos.IsValid() {
		return Position{}
	}
	if !end.IsValid() || end <= pos {
		return point(fset.Position(pos))
	}
	return span(fset, pos, end)
}

// point is a Position with no end.
func point(p token.Position) Position {
	return Position{File: p.Filename, Line: p.Line, Col: p.Column, Offset: p.Offset}
}

// span is a Position from pos to end, both set even when they are equal
// (an insertion's edit).
func span(fset *token.FileSet, pos, end token.Pos) Position {
	p := point(fset.Position(pos))
	e := fset.Position(end)
	p.EndLine, p.EndCol, p.EndOffset = e.Line, e.Column, e.Offset
	return p
}

// SortFindings puts findings in the Result's order: file, line, column,
// rule, message.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return findingLess(&fs[i], &fs[j]) })
}

// findingLess orders two findings by file, line, column, rule, message.
func findingLess(a, b *Finding) bool {
	if a.Pos.File != b.Pos.File {
		return a.Pos.File < b.Pos.File
	}
	if a.Pos.Line != b.Pos.Line {
		return a.Pos.Line < b.Pos.Line
	}
	if a.Pos.Col != b.Pos.Col {
		return a.Pos.Col < b.Pos.Col
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

// sorted returns res's findings in the Result's order, leaving res as it
// is.
func sorted(res *Result) []Finding {
	fs := append([]Finding(nil), res.Findings...)
	SortFindings(fs)
	return fs
}
