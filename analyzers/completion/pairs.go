package completion

import (
	"strings"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/rules"
)

// pair is one request a handler may pend, as the catalogue describes it: the
// role whose handler may return NDIS_STATUS_PENDING, the parameter of the
// role that identifies the request, and the DDIs that complete it.
type pair struct {
	role *rules.Role
	// param is the index of the role's parameter that identifies the
	// request (Role.Request.Param).
	param int
	// by are the completing DDIs (Role.CompletedBy, CompletedByMCM).
	by []*completer
}

// completer is a DDI that completes a pair's request.
type completer struct {
	ddi  *rules.DDI
	pair *pair
	// key is the index of the DDI's parameter that names the request
	// (Role.Request.Completion, or its position in the MCM form).
	key int
	// status is the index of the DDI's status parameter, or -1.
	status int
}

// pairs indexes the catalogue's pairs by role and by completing DDI.
type pairs struct {
	byRole map[string]*pair
	byDDI  map[string]*completer
}

// newPairs reads the pairs from the catalogue: every role that may pend and
// that a DDI completes, with the request the catalogue ties them by. A pair
// the catalogue does not tie (no Role.Request) is left out: the pass could
// not tell which request a completion is for.
func newPairs(api *ndisapi.API) *pairs {
	ps := &pairs{byRole: map[string]*pair{}, byDDI: map[string]*completer{}}
	cat := api.Cat
	for i := range cat.Roles {
		r := &cat.Roles[i]
		if !r.MayPend || r.CompletedBy == "" {
			continue
		}
		p := &pair{role: r, param: -1}
		for _, name := range []string{r.CompletedBy, r.CompletedByMCM} {
			d := cat.DDI(name)
			rp, dp, ok := cat.RequestParams(r, d)
			if !ok {
				continue
			}
			p.param = rp
			c := &completer{ddi: d, pair: p, key: dp, status: ndisapi.ParamIndex(d.Params, rules.KindStatus)}
			p.by = append(p.by, c)
			ps.byDDI[d.Name] = c
		}
		if len(p.by) > 0 {
			ps.byRole[r.Name] = p
		}
	}
	return ps
}

// empty reports whether the catalogue has no pair the pass can check.
func (ps *pairs) empty() bool { return len(ps.byRole) == 0 }

// names returns the NDIS names of a pair's completing DDIs, joined for a
// message ("NdisCmMakeCallComplete or NdisMCmMakeCallComplete").
func (p *pair) names() string {
	var ns []string
	for _, c := range p.by {
		ns = append(ns, c.ddi.Name)
	}
	return strings.Join(ns, " or ")
}
