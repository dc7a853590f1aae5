// Package spell suggests the name a user probably meant: a rule ID in an
// //ndislint:ignore, a role in an //ndis:role.
package spell

import "strings"

// MaxEdits is how far a suggestion may be from what was written.
const MaxEdits = 2

// Nearest returns the candidate closest to word: one equal to it but for
// case, else the one at most MaxEdits single-byte edits away when it is the
// only one at its distance; "" when there is none or the choice is not
// clear.
func Nearest(word string, candidates []string) string {
	best, bestD, tie := "", MaxEdits+1, false
	for _, cand := range candidates {
		if strings.EqualFold(cand, word) {
			return cand
		}
		d := Distance(word, cand)
		switch {
		case d < bestD:
			best, bestD, tie = cand, d, false
		case d == bestD && cand != best:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in bytes (rule IDs
// and role names are ASCII).
func Distance(a, b string) int {
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
