package generate

import (
	"os"
	"strings"

	"github.com/pkg/errors"
)

// proto is one row of prototypes.tsv.
type proto struct {
	Kind    string
	Name    string
	Returns string
	Params  []protoParam
}

// protoParam is one DIR:C_TYPE:NAME[:opt] cell.
type protoParam struct {
	Dir, CType, Name string
	Optional         bool
}

// readProtos reads prototypes.tsv into a map by name.
func readProtos(path string) (map[string]proto, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, errors.Wrap(err, "prototypes")
	}
	out := map[string]proto{}
	for i, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if i == 0 || line == "" {
			continue
		}
		cells := strings.Split(line, "\t")
		if len(cells) < 3 {
			return nil, errors.Errorf("prototypes.tsv line %d: %d cells", i+1, len(cells))
		}
		p := proto{Kind: cells[0], Name: cells[1], Returns: cells[2]}
		for _, c := range cells[3:] {
			f := strings.Split(c, ":")
			if len(f) < 3 {
				return nil, errors.Errorf("prototypes.tsv line %d: parameter %q", i+1, c)
			}
			p.Params = append(p.Params, protoParam{Dir: f[0], CType: f[1], Name: f[2], Optional: len(f) > 3 && f[3] == "opt"})
		}
		out[p.Name] = p
	}
	return out, nil
}

// matches reports whether the prototype's parameter names are the page's,
// in the same order (case-insensitively).
func (p proto) matches(names []string) bool {
	if len(p.Params) != len(names) {
		return false
	}
	for i, pp := range p.Params {
		if !strings.EqualFold(pp.Name, names[i]) {
			return false
		}
	}
	return true
}
