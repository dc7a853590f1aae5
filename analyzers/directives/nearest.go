package directives

import "github.com/ndislint/ndislint/rules"

// nearestRule returns the registered rule ID closest to id (at most two
// single-character edits away, and unique at that distance), or "".
func nearestRule(id string) string {
	best, bestD, tie := "", 3, false
	for _, r := range rules.AllRules() {
		d := editDistance(id, r.ID)
		switch {
		case d < bestD:
			best, bestD, tie = r.ID, d, false
		case d == bestD:
			tie = true
		}
	}
	if tie || best == "" {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes (rule
// IDs are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
