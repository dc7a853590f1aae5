package statuses

import (
	"sort"
	"strconv"
	"strings"
)

// Fact is what an exported function may return, for the packages that call
// it: each return (its position as text, the result index) with the known
// statuses it may carry. Slices, not maps, so that facts are deterministic.
type Fact struct {
	Returns []FactReturn
}

// FactReturn is one return of a Fact.
type FactReturn struct {
	// At is the return's position (file:line:column).
	At string
	// Index is the result index.
	Index int
	// Values are the statuses the return may carry, in the order found.
	Values []FactValue
}

// FactValue is one status of a FactReturn.
type FactValue struct {
	// Exact is the value ("259"), Name its NDIS name or "".
	Exact, Name string
	// Via is a helper or DDI the status comes from, or "".
	Via string
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String prints the statuses the function may return, sorted, for
// analysistest's fact expectations: statuses{NDIS_STATUS_PENDING,
// NDIS_STATUS_SUCCESS}; a result other than the first is prefixed by its
// index (1:NDIS_STATUS_SUCCESS), a value without a name is its exact value.
func (f *Fact) String() string {
	seen := map[string]bool{}
	var parts []string
	for _, r := range f.Returns {
		for _, v := range r.Values {
			s := v.Name
			if s == "" {
				s = v.Exact
			}
			if r.Index > 0 {
				s = strconv.Itoa(r.Index) + ":" + s
			}
			if !seen[s] {
				seen[s] = true
				parts = append(parts, s)
			}
		}
	}
	sort.Strings(parts)
	return "statuses{" + strings.Join(parts, ",") + "}"
}

// factOf makes the Fact of a function's sets, or nil when none of its
// returns carries a known status.
func factOf(s *funcSets) *Fact {
	f := &Fact{}
	known := false
	for _, site := range s.sites {
		fr := FactReturn{At: site.At, Index: site.Index}
		for _, v := range site.Vals {
			fr.Values = append(fr.Values, FactValue{Exact: v.Exact, Name: v.Name, Via: v.Via})
			known = true
		}
		f.Returns = append(f.Returns, fr)
	}
	if !known {
		return nil
	}
	return f
}
