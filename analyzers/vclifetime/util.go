package vclifetime

import "sort"

// sortedKeys returns the keys of m, sorted.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// contains reports whether list has s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// containsSorted reports whether the sorted list has s.
func containsSorted(list []string, s string) bool {
	i := sort.SearchStrings(list, s)
	return i < len(list) && list[i] == s
}

// union returns the sorted union of two sorted lists.
func union(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}

// intersect returns the sorted values both sorted lists have.
func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if containsSorted(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// minus returns the sorted values of a that b lacks.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !containsSorted(b, x) {
			out = append(out, x)
		}
	}
	return out
}
