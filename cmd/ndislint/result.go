package main

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"strings"

	"github.com/ndislint/ndislint/analyzers/checks"
	"github.com/ndislint/ndislint/internal/driver"
	"github.com/ndislint/ndislint/internal/report"
)

// runResult is one run's output as the command prints it.
type runResult struct {
	fset   *token.FileSet
	diags  []driver.Diagnostic
	errors []driver.Error
	roots  []string
}

// newRun wraps the driver's output.
func newRun(out *driver.Output) *runResult {
	return &runResult{fset: out.Fset, diags: out.Diagnostics, errors: out.Errors, roots: out.Roots}
}

// suppressed reports whether d is a finding an //ndislint:ignore
// suppressed, reported because of -show-ignored.
func suppressed(d driver.Diagnostic) bool {
	for _, r := range d.Related {
		if strings.HasPrefix(r.Message, checks.IgnoredMarker) {
			return true
		}
	}
	return false
}

// failing counts the findings that fail the run: not suppressed, of a rule
// the -fail selection holds. (A finding of go vet's suite, whose category
// is not a rule ID, fails the run when -fail selects all rules.)
func (r *runResult) failing(fail *checks.Selection) int {
	n := 0
	for _, d := range r.diags {
		if !suppressed(d) && fail.Enabled(d.Category) {
			n++
		}
	}
	return n
}

// printText prints the findings go vet style (report.WriteText): with
// context >= 0, the source lines around each position too (-c).
func (r *runResult) printText(w io.Writer, context int) {
	report.WriteText(w, r.report(nil), report.TextOptions{Source: context >= 0, Context: context})
}

// legacyDiagnostic is a finding in go/analysis's JSON output (the shape of
// multichecker -json and go vet -json).
type legacyDiagnostic struct {
	Category       string          `json:"category,omitempty"`
	Posn           string          `json:"posn"`
	End            string          `json:"end,omitempty"`
	Message        string          `json:"message"`
	SuggestedFixes []legacyFix     `json:"suggested_fixes,omitempty"`
	Related        []legacyRelated `json:"related,omitempty"`
}

// legacyFix is a suggested fix in that output.
type legacyFix struct {
	Message string       `json:"message"`
	Edits   []legacyEdit `json:"edits"`
}

// legacyEdit is one edit of a fix: byte offsets in a file.
type legacyEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// legacyRelated is a related position in that output.
type legacyRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end,omitempty"`
	Message string `json:"message"`
}

// printLegacyJSON prints the findings as go/analysis JSON: an object from
// package path to analyzer name to its findings, indented with tabs.
func (r *runResult) printLegacyJSON(w io.Writer) error {
	tree := map[string]map[string][]legacyDiagnostic{}
	for _, d := range r.diags {
		byPass := tree[d.Package]
		if byPass == nil {
			byPass = map[string][]legacyDiagnostic{}
			tree[d.Package] = byPass
		}
		byPass[d.Analyzer.Name] = append(byPass[d.Analyzer.Name], r.legacy(d))
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// legacy converts one finding.
func (r *runResult) legacy(d driver.Diagnostic) legacyDiagnostic {
	out := legacyDiagnostic{Category: d.Category, Posn: r.fset.Position(d.Pos).String(), Message: d.Message, End: r.end(d.End)}
	for _, f := range d.SuggestedFixes {
		lf := legacyFix{Message: f.Message, Edits: []legacyEdit{}}
		for _, e := range f.TextEdits {
			start, end := r.fset.Position(e.Pos), r.fset.Position(e.End)
			if !e.End.IsValid() {
				end = start
			}
			lf.Edits = append(lf.Edits, legacyEdit{Filename: start.Filename, Start: start.Offset, End: end.Offset, New: string(e.NewText)})
		}
		out.SuggestedFixes = append(out.SuggestedFixes, lf)
	}
	for _, rel := range d.Related {
		out.Related = append(out.Related, legacyRelated{Posn: r.fset.Position(rel.Pos).String(), End: r.end(rel.End), Message: rel.Message})
	}
	return out
}

// end formats an end position, or "" when there is none.
func (r *runResult) end(p token.Pos) string {
	if !p.IsValid() {
		return ""
	}
	return r.fset.Position(p).String()
}
