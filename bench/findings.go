package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// countFindings reads the JSON that an x/tools multichecker prints with
// -json, {package: {analyzer: [{posn, message, category, ...}] or
// {"error": text}}}, and returns the findings by category (the rule ID) and
// the analysis errors.
func countFindings(data []byte) (map[string]int, []string, error) {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &tree); err != nil {
		return nil, nil, fmt.Errorf("reading ndislint's -json output: %v", err)
	}
	counts := map[string]int{}
	var errs []string
	for pkg, byAnalyzer := range tree {
		for analyzer, raw := range byAnalyzer {
			var diags []struct {
				Category string `json:"category"`
			}
			if err := json.Unmarshal(raw, &diags); err == nil {
				for _, d := range diags {
					counts[d.Category]++
				}
				continue
			}
			var e struct {
				Error string `json:"error"`
			}
			if err := json.Unmarshal(raw, &e); err != nil {
				return nil, nil, fmt.Errorf("reading ndislint's -json output for %s %s: %v", pkg, analyzer, err)
			}
			errs = append(errs, fmt.Sprintf("%s: %s: %s", pkg, analyzer, e.Error))
		}
	}
	sort.Strings(errs)
	return counts, errs, nil
}

// defectCheck is the comparison of the findings with the manifest.
type defectCheck struct {
	Expected, Found int
	// Diffs lists the rules whose counts differ, as "rule expected/found".
	Diffs []string
}

// OK reports whether the findings are exactly the expected ones.
func (c defectCheck) OK() bool {
	return len(c.Diffs) == 0
}

// String renders the check for the table.
func (c defectCheck) String() string {
	if c.OK() {
		return fmt.Sprintf("%d/%d ok", c.Expected, c.Found)
	}
	return fmt.Sprintf("%d/%d MISMATCH (%s)", c.Expected, c.Found, strings.Join(c.Diffs, ", "))
}

// checkDefects compares found findings by rule with the expected ones.
func checkDefects(expected, found map[string]int) defectCheck {
	var c defectCheck
	ids := map[string]bool{}
	for id, n := range expected {
		c.Expected += n
		ids[id] = true
	}
	for id, n := range found {
		c.Found += n
		ids[id] = true
	}
	var sorted []string
	for id := range ids {
		sorted = append(sorted, id)
	}
	sort.Strings(sorted)
	for _, id := range sorted {
		if expected[id] != found[id] {
			c.Diffs = append(c.Diffs, fmt.Sprintf("%s %d/%d", id, expected[id], found[id]))
		}
	}
	return c
}
