// Package suppress implements //ndislint:ignore for every pass, inside the
// pass itself, so that suppression works under every driver (standalone,
// go vet, and any other go/analysis driver).
//
// A directive `//ndislint:ignore RULE[,RULE...] reason` suppresses a
// diagnostic of one of those rules reported on the directive's own line or
// on the line below it. Each pass reports, for its own rules, suppressions
// that matched nothing (rule "unused-ignore"); the directives pass reports
// malformed ones and those with no reason.
//
// A directive whose rule list is malformed (it names no rule, or has a
// leading, trailing or doubled comma) suppresses nothing. No directive
// suppresses a finding about itself: not its missing reason, not an unknown
// rule ID in its list, not its being unused (unused-ignore findings are
// never suppressed). It may suppress a finding about another directive on
// the line below it.
package suppress

import (
	"fmt"
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/checks"
	"github.com/ndislint/ndislint/analyzers/internal/directive"
	"github.com/ndislint/ndislint/rules"
)

// RuleUnusedIgnore is the rule ID of an ignore directive that matched no
// diagnostic.
const RuleUnusedIgnore = rules.RuleUnusedIgnore

// Ignore is one parsed //ndislint:ignore directive.
type Ignore struct {
	Rules  []string
	Reason string
	Pos    token.Pos
	End    token.Pos
	File   string
	Line   int
	used   map[string]bool
}

// ParseIgnore reads the arguments of an ignore directive (see
// directive.ParseIgnore). A directive whose rule list is malformed (no
// rule, an empty element) names no rule: it suppresses nothing, and the
// directives pass reports it as directive-malformed.
func ParseIgnore(d directive.Directive) (ids []string, reason string) {
	rs, reason, problem := directive.ParseIgnore(d)
	if problem != "" {
		return nil, reason
	}
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	return ids, reason
}

// Reporter reports a pass's diagnostics through the ignore directives. It
// keeps them until Finish and reports them in a fixed order (file name,
// line, column, rule, message), whatever order the pass found them in and
// however the files were numbered when they were parsed, so that the same
// input always gives the same output.
type Reporter struct {
	pass    *analysis.Pass
	own     map[string]bool
	ignores []*Ignore
	// byLine indexes ignores by the file and line they are written on, so
	// that a report costs the same however many the package has.
	byLine  map[lineKey][]*Ignore
	pending []analysis.Diagnostic
}

// lineKey is a line of a file.
type lineKey struct {
	file string
	line int
}

// Ignores returns the //ndislint:ignore directives among ds, the directives
// of the package's files.
func Ignores(fset *token.FileSet, ds []directive.Directive) []Ignore {
	var out []Ignore
	for _, d := range ds {
		if d.Key() != directive.KeyIgnore {
			continue
		}
		ids, reason := ParseIgnore(d)
		if len(ids) == 0 {
			continue // malformed: suppresses nothing
		}
		p := fset.Position(d.Pos)
		out = append(out, Ignore{Rules: ids, Reason: reason, Pos: d.Pos, End: d.End, File: p.Filename, Line: p.Line})
	}
	return out
}

// New returns a Reporter for pass, whose rules are own, honouring ignores
// (from Ignores; each Reporter keeps its own record of which were used).
func New(pass *analysis.Pass, own []string, ignores []Ignore) *Reporter {
	r := &Reporter{pass: pass, own: map[string]bool{}, byLine: map[lineKey][]*Ignore{}}
	for _, id := range own {
		r.own[id] = true
	}
	for _, ig := range ignores {
		ig := ig
		ig.used = map[string]bool{}
		r.ignores = append(r.ignores, &ig)
		k := lineKey{ig.File, ig.Line}
		r.byLine[k] = append(r.byLine[k], &ig)
	}
	return r
}

// Report reports d unless the rule is off (package checks' selection) or
// an ignore directive covers it. d.Category must be the rule ID; the message
// gets " (RULE)" appended so that every driver's output names the rule. With
// checks.ShowIgnored, a suppressed finding is reported all the same, with a
// related position at the directive whose message starts with
// checks.IgnoredMarker.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if !checks.Enabled(d.Category) {
		return
	}
	if ig := r.covering(d); ig != nil {
		ig.used[d.Category] = true
		if !checks.ShowIgnored() {
			return
		}
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: ig.Pos, End: ig.End, Message: checks.IgnoredMarker + ig.Reason})
	}
	if !strings.HasSuffix(d.Message, ")") || !strings.HasSuffix(d.Message, "("+d.Category+")") {
		d.Message = fmt.Sprintf("%s (%s)", d.Message, d.Category)
	}
	r.pending = append(r.pending, d)
}

// covering returns the first ignore directive (in source order) that
// covers d: one naming its rule on the line above d or on d's own line.
// An ignore never covers a finding about itself, one positioned inside its
// own comment (its missing reason, an unknown rule ID in its list): a
// suppression cannot excuse its own defects.
func (r *Reporter) covering(d analysis.Diagnostic) *Ignore {
	if len(r.byLine) == 0 {
		return nil
	}
	p := r.pass.Fset.Position(d.Pos)
	for _, line := range [2]int{p.Line - 1, p.Line} {
		for _, ig := range r.byLine[lineKey{p.Filename, line}] {
			if contains(ig.Rules, d.Category) && !(ig.Pos <= d.Pos && d.Pos < ig.End) {
				return ig
			}
		}
	}
	return nil
}

// Reportf reports a diagnostic of rule at [pos, end) with related positions.
func (r *Reporter) Reportf(rule string, pos, end token.Pos, related []analysis.RelatedInformation, format string, args ...any) {
	r.Report(analysis.Diagnostic{Pos: pos, End: end, Category: rule, Message: fmt.Sprintf(format, args...), Related: related})
}

// Finish reports the kept diagnostics and the ignore directives naming this
// pass's rules that suppressed nothing, in order. Call it once, at the end
// of the pass's run.
func (r *Reporter) Finish() {
	for _, ig := range r.ignores {
		for _, id := range ig.Rules {
			if r.own[id] && !ig.used[id] && checks.Enabled(id) && checks.Enabled(RuleUnusedIgnore) {
				r.pending = append(r.pending, analysis.Diagnostic{Pos: ig.Pos, End: ig.End, Category: RuleUnusedIgnore,
					Message: fmt.Sprintf("//ndislint:ignore %s suppresses nothing here (%s)", id, RuleUnusedIgnore)})
			}
		}
	}
	r.sortPending()
	for _, d := range r.pending {
		r.pass.Report(d)
	}
	r.pending = nil
}

// sortPending orders the kept diagnostics by file name, line, column, rule
// and message; each position is resolved once, not at every comparison.
func (r *Reporter) sortPending() {
	type keyed struct {
		pos token.Position
		d   analysis.Diagnostic
	}
	ks := make([]keyed, len(r.pending))
	for i, d := range r.pending {
		ks[i] = keyed{r.pass.Fset.Position(d.Pos), d}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		a, b := ks[i].pos, ks[j].pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if ks[i].d.Category != ks[j].d.Category {
			return ks[i].d.Category < ks[j].d.Category
		}
		return ks[i].d.Message < ks[j].d.Message
	})
	for i := range ks {
		r.pending[i] = ks[i].d
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
