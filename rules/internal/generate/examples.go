package generate

import (
	"regexp"
	"sort"
	"strings"
)

var (
	fenceRe    = regexp.MustCompile("(?s)```[a-zA-Z]*\n(.*?)```")
	exampleRe  = regexp.MustCompile(`(?s)_Use_decl_annotations_\s+([A-Z_]+)\s+[A-Za-z0-9_]+\s*\((.*?)\)\s*\{`)
	exampleArg = regexp.MustCompile(`^(?:__in\s+|__out\s+|_In_\s+|_Out_\s+)?([A-Z_][A-Z0-9_]*)\s+[A-Za-z0-9_]+$`)
)

// examplePrototype reads the C prototype a role page shows in its Examples
// section ("Then, implement your function as follows": return type, a
// function name, the typed parameters). The example's parameter names are
// the sample's own (MyPause takes MiniportPauseParameters where the page's
// heading says PauseParameters), so only the types are used, by position,
// and only when the example has as many parameters as the page's headings.
// NDIS 6 role pages have no row in prototypes.tsv; this is where their C
// types come from.
func examplePrototype(p *Page, names []string) (proto, bool) {
	keys := make([]string, 0, len(p.Sections))
	for k := range p.Sections {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, block := range fenceRe.FindAllStringSubmatch(p.Sections[k], -1) {
			m := exampleRe.FindStringSubmatch(block[1])
			if m == nil {
				continue
			}
			pr := proto{Kind: "callback", Name: p.First("api_name"), Returns: m[1]}
			args := strings.TrimSpace(m[2])
			if args != "" && args != "void" && args != "VOID" {
				for _, a := range strings.Split(args, ",") {
					am := exampleArg.FindStringSubmatch(strings.Join(strings.Fields(a), " "))
					if am == nil {
						return proto{}, false
					}
					pr.Params = append(pr.Params, protoParam{CType: am[1]})
				}
			}
			if len(pr.Params) != len(names) {
				return proto{}, false
			}
			for i := range pr.Params {
				pr.Params[i].Name = names[i]
			}
			return pr, true
		}
	}
	return proto{}, false
}
