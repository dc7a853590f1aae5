package main

import (
	"fmt"
	"go/types"
	"io"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/checks"
	"github.com/ndislint/ndislint/analyzers/inventory"
	"github.com/ndislint/ndislint/internal/report"
	"github.com/ndislint/ndislint/rules"
)

// inventories collects the inventory of every package the patterns name
// (a package and its test variant merged).
type inventories struct {
	mu    sync.Mutex
	byPkg map[string]*inventory.Inventory
}

func newInventories() *inventories {
	return &inventories{byPkg: map[string]*inventory.Inventory{}}
}

// add is the driver's OnRoot hook.
func (s *inventories) add(pkg *types.Package, results map[*analysis.Analyzer]any) {
	inv, _ := results[inventory.Analyzer].(*inventory.Inventory)
	if inv == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.byPkg[pkg.Path()]
	if old == nil {
		s.byPkg[pkg.Path()] = inv
		return
	}
	old.Analysed = old.Analysed || inv.Analysed
	if old.Why == "" {
		old.Why = inv.Why
	}
	seen := map[string]bool{}
	for _, r := range old.Roles {
		seen[r.GoName+"\x00"+r.Func] = true
	}
	for _, r := range inv.Roles {
		if !seen[r.GoName+"\x00"+r.Func] {
			old.Roles = append(old.Roles, r)
		}
	}
	old.DDIs = union(old.DDIs, inv.DDIs)
}

// union returns the sorted union of two sorted lists.
func union(a, b []string) []string {
	set := map[string]bool{}
	for _, s := range append(append([]string(nil), a...), b...) {
		set[s] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// summary is the -summary output.
type summary = report.Summary

// summarise computes each static rule's result class over the run, and
// the roles per package. A rule applies where a package uses the runtime
// and, when the rule's Needs lists DDIs and roles, calls one of those DDIs
// or has a function with one of those roles. A rule with a finding is a
// defect; a rule -checks disables is not applicable.
func summarise(r *runResult, s *inventories) *summary {
	defects := map[string]int{}
	for _, d := range r.diags {
		if !suppressed(d) {
			defects[d.Category]++
		}
	}
	use := s.use()
	cat, _ := rules.Default()
	sum := &summary{}
	for _, rule := range rules.AllRules() {
		if rule.Pass == rules.PassVerifier {
			continue // checked at run time only
		}
		rr := report.RuleResult{Rule: rule.ID}
		switch reason := use.notApplicable(rule, cat); {
		case !checks.Enabled(rule.ID):
			rr.Status, rr.Reason = report.StatusNotApplicable, "disabled by -checks"
		case defects[rule.ID] > 0:
			rr.Status, rr.Defects = report.StatusDefect, defects[rule.ID]
		case reason != "":
			rr.Status, rr.Reason = report.StatusNotApplicable, reason
		default:
			rr.Status = report.StatusPass
		}
		sum.Rules = append(sum.Rules, rr)
	}
	sum.Packages = s.packages()
	return sum
}

// ruleUse is what the run's packages use of the contract.
type ruleUse struct {
	analysed bool
	used     map[string]bool // NDIS names of the roles found and the DDIs called
}

// use merges the packages' inventories.
func (s *inventories) use() *ruleUse {
	u := &ruleUse{used: map[string]bool{}}
	for _, inv := range s.byPkg {
		u.analysed = u.analysed || inv.Analysed
		for _, r := range inv.Roles {
			u.used[r.Role] = true
		}
		for _, d := range inv.DDIs {
			u.used[d] = true
		}
	}
	return u
}

// notApplicable says why rule does not apply to the run, or "" when it
// does.
func (u *ruleUse) notApplicable(rule *rules.Rule, cat *rules.Catalogue) string {
	if !u.analysed {
		return "no package uses the NDIS runtime"
	}
	if len(rule.Needs) == 0 {
		return ""
	}
	var names []string
	for _, n := range rule.Needs {
		if u.used[n] {
			return ""
		}
		if role := cat.Role(n); role != nil {
			n = role.GoName
		}
		names = append(names, n)
	}
	return "no " + strings.Join(names, " or ") + " found"
}

// packages lists the roles per package, sorted by package: every package
// that uses the runtime (but an external test package with no role).
func (s *inventories) packages() []report.PackageRoles {
	var out []report.PackageRoles
	for path, inv := range s.byPkg {
		pr := report.PackageRoles{Package: path, Roles: []string{}}
		for _, r := range inv.Roles {
			pr.Roles = append(pr.Roles, r.GoName+" ("+r.Func+")")
		}
		sort.Strings(pr.Roles)
		if len(pr.Roles) > 0 || inv.Analysed && !strings.HasSuffix(path, "_test") {
			out = append(out, pr)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Package < out[j].Package })
	return out
}

// printSummary prints the summary as text.
func printSummary(w io.Writer, sum *summary) {
	fmt.Fprintln(w, "Rules:")
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, rr := range sum.Rules {
		switch rr.Status {
		case report.StatusDefect:
			fmt.Fprintf(tw, "  %s\tdefect %d\n", rr.Rule, rr.Defects)
		case report.StatusNotApplicable:
			fmt.Fprintf(tw, "  %s\tnot applicable (%s)\n", rr.Rule, rr.Reason)
		default:
			fmt.Fprintf(tw, "  %s\t%s\n", rr.Rule, rr.Status)
		}
	}
	tw.Flush()
	fmt.Fprintln(w, "Roles found:")
	if len(sum.Packages) == 0 {
		fmt.Fprintln(w, "  (no package uses the NDIS runtime)")
	}
	for _, p := range sum.Packages {
		if len(p.Roles) == 0 {
			fmt.Fprintf(w, "  %s: no role found (declare one with a handler structure slot, a role type, or //ndis:role)\n", p.Package)
			continue
		}
		fmt.Fprintf(w, "  %s: %s\n", p.Package, strings.Join(p.Roles, ", "))
	}
}
