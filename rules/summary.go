package rules

import "sort"

// FamilyCount is how many entries of one kind (ddi, role, struct,
// lifetime) a family has.
type FamilyCount struct {
	Kind   string
	Family string
	Count  int
}

// Summary counts the catalogue's entries by kind and family, sorted by kind
// then family. Structures and lifetimes have no family ("").
func (c *Catalogue) Summary() []FamilyCount {
	counts := map[[2]string]int{}
	for _, d := range c.DDIs {
		counts[[2]string{"ddi", d.Family}]++
	}
	for _, r := range c.Roles {
		counts[[2]string{"role", r.Family}]++
	}
	counts[[2]string{"struct", ""}] = len(c.Structs)
	counts[[2]string{"lifetime", ""}] = len(c.Lifetimes)
	out := make([]FamilyCount, 0, len(counts))
	for k, n := range counts {
		out = append(out, FamilyCount{Kind: k[0], Family: k[1], Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Family < out[j].Family
	})
	return out
}
