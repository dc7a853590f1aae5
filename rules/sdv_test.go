package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// This file checks docs/sdv.md, the map of SDV's NDIS rules to ndislint's,
// against the SDV rule-set pages and the rule registry.

// sdvRuleRow is one rule of an SDV rule-set page: the rule's name and the
// rule set (the page's heading) it belongs to.
type sdvRuleRow struct {
	name, set string
}

var (
	// sdvRuleCell is the first cell of a rule-set page's table row: a link
	// to the rule's page whose text is the rule's name in bold.
	sdvRuleCell = regexp.MustCompile(`(?m)^<td align="left"><p><a href="[^"]+"[^>]*><strong>([^<]+)</strong></a></p></td>`)
	// ruleIDCell matches an ndislint rule ID written as code in the doc.
	ruleIDCell = regexp.MustCompile("`([a-z][a-z0-9]*(?:-[a-z0-9]+)+)`")
	// analogWord splits an Analog into the words that may name SDV rules.
	analogWord = regexp.MustCompile(`[A-Za-z0-9_]+`)
)

// sdvRuleSets reads every rule-set page under <module root>/../shared/sdv
// (skipping the test when it is absent) and returns their rules, in page
// order, each with its page's heading.
func sdvRuleSets(t *testing.T) []sdvRuleRow {
	t.Helper()
	dir := filepath.Join(filepath.Dir(refDir(t)), "sdv")
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		t.Skipf("the SDV reference %s is absent: docs/sdv.md cannot be checked against the rule-set pages", dir)
	}
	pages, err := filepath.Glob(filepath.Join(dir, "*rule-set*.md"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pages)
	var rows []sdvRuleRow
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		var heading string
		for _, l := range strings.Split(text, "\n") {
			if strings.HasPrefix(l, "# ") {
				heading = strings.TrimSpace(strings.TrimPrefix(l, "# "))
				break
			}
		}
		if heading == "" {
			t.Fatalf("%s: no heading", p)
		}
		for _, m := range sdvRuleCell.FindAllStringSubmatch(text, -1) {
			rows = append(rows, sdvRuleRow{name: strings.ReplaceAll(m[1], `\_`, "_"), set: heading})
		}
	}
	if len(rows) < 60 {
		t.Fatalf("read %d rules from %d rule-set pages under %s; the page format changed?", len(rows), len(pages), dir)
	}
	return rows
}

// sdvDocRow is one row of docs/sdv.md's tables.
type sdvDocRow struct {
	set  string   // the "## " heading the row is under
	line string   // the whole row
	ids  []string // the rule IDs written as code in the row
	// checks are the rule IDs of its static and run-time cells: the rules
	// that check the SDV rule (the coverage note may name others).
	checks []string
	cells  []string
}

// readSDVDoc reads docs/sdv.md's table rows, keyed by their first cell.
func readSDVDoc(t *testing.T) map[string]sdvDocRow {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "docs", "sdv.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]sdvDocRow{}
	var set string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "## ") {
			set = strings.TrimSpace(strings.TrimPrefix(l, "## "))
			continue
		}
		if !strings.HasPrefix(l, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(l, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		name := cells[0]
		if name == "SDV rule" || strings.HasPrefix(name, "---") {
			continue
		}
		if _, dup := rows[name]; dup {
			t.Errorf("docs/sdv.md: two rows for %s", name)
		}
		r := sdvDocRow{set: set, line: l, cells: cells}
		for _, m := range ruleIDCell.FindAllStringSubmatch(l, -1) {
			r.ids = append(r.ids, m[1])
		}
		if len(cells) >= 3 {
			for _, m := range ruleIDCell.FindAllStringSubmatch(cells[1]+" "+cells[2], -1) {
				r.checks = append(r.checks, m[1])
			}
		}
		rows[name] = r
	}
	return rows
}

// TestSDVMapping checks docs/sdv.md: a row for every rule of every SDV NDIS
// rule-set page, under that page's heading; only rule IDs the registry
// knows; a coverage word in every row (a row with no rule ID says "not
// planned" or "not applicable": issue 13 left no rule unmapped, so "not
// yet" is no longer a coverage); no row for a rule the pages do not list;
// and every rule whose Analog names an SDV NDIS rule listed in that rule's
// row.
func TestSDVMapping(t *testing.T) {
	sets := sdvRuleSets(t)
	doc := readSDVDoc(t)

	known := map[string]bool{}
	for _, s := range sets {
		known[s.name] = true
		r, ok := doc[s.name]
		if !ok {
			t.Errorf("docs/sdv.md has no row for SDV rule %s (%s)", s.name, s.set)
			continue
		}
		if r.set != s.set {
			t.Errorf("docs/sdv.md: %s is under %q, its rule set is %q", s.name, r.set, s.set)
		}
	}
	for name, r := range doc {
		if !known[name] {
			t.Errorf("docs/sdv.md has a row for %q, which no rule-set page lists", name)
		}
		if len(r.cells) != 4 {
			t.Errorf("docs/sdv.md: the row for %s has %d cells, want 4 (SDV rule, static, run time, coverage)", name, len(r.cells))
			continue
		}
		for _, id := range r.ids {
			if rules.LookupRule(id) == nil {
				t.Errorf("docs/sdv.md: the row for %s names %s, which is no ndislint rule", name, id)
			}
		}
		coverage := r.cells[3]
		switch {
		case strings.HasPrefix(coverage, "full"), strings.HasPrefix(coverage, "partial"):
			if r.cells[1] == "" && r.cells[2] == "" {
				t.Errorf("docs/sdv.md: %s says %q but names no rule, static or at run time", name, coverage)
			}
		case strings.HasPrefix(coverage, "not planned"), strings.HasPrefix(coverage, "not applicable"):
			if r.cells[1] != "" || r.cells[2] != "" {
				t.Errorf("docs/sdv.md: %s says %q but names a rule that checks it", name, coverage)
			}
		default:
			t.Errorf("docs/sdv.md: %s's coverage %q is none of full, partial, not planned, not applicable (issue 13 mapped every rule: none is \"not yet\")", name, coverage)
		}
	}

	checkSDVField(t, doc, known)
	for _, rule := range rules.AllRules() {
		for _, w := range analogWord.FindAllString(rule.Analog, -1) {
			if !known[w] {
				continue
			}
			r, ok := doc[w]
			if !ok {
				continue // reported above
			}
			found := false
			for _, id := range r.ids {
				found = found || id == rule.ID
			}
			if !found {
				t.Errorf("%s's Analog names SDV %s, but docs/sdv.md's row for %s does not list %s: %s", rule.ID, w, w, rule.ID, r.line)
			}
		}
	}
}

// checkSDVField checks that each rule's SDV list and docs/sdv.md agree:
// every SDV rule a rule lists is a known SDV rule whose row names the rule,
// and every rule a row names lists that SDV rule.
func checkSDVField(t *testing.T, doc map[string]sdvDocRow, known map[string]bool) {
	t.Helper()
	for _, rule := range rules.AllRules() {
		for _, name := range rule.SDV {
			r, ok := doc[name]
			if !known[name] || !ok {
				t.Errorf("%s's SDV lists %q, which is no SDV NDIS rule of docs/sdv.md", rule.ID, name)
				continue
			}
			if !slices.Contains(r.checks, rule.ID) {
				t.Errorf("%s's SDV lists %s, but docs/sdv.md's row for %s does not name %s as a rule that checks it", rule.ID, name, name, rule.ID)
			}
		}
	}
	for name, r := range doc {
		for _, id := range r.checks {
			if rule := rules.LookupRule(id); rule != nil && !slices.Contains(rule.SDV, name) {
				t.Errorf("docs/sdv.md's row for %s names %s, whose SDV list does not have %s", name, id, name)
			}
		}
	}
}
