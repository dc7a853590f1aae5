package rules

import (
	"strings"
	"testing"
)

// TestHandleTakers checks where the catalogue says a released handle may
// be passed: the release first, the listed uses, and the parameters of the
// resource's own Go type.
func TestHandleTakers(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"NdisMRegisterInterruptEx":  {"NdisMDeregisterInterruptEx.NdisInterruptHandle", "NdisMSynchronizeWithInterruptEx.NdisInterruptHandle"},
		"NdisAllocateGenericObject": {"NdisFreeGenericObject.NdisObject"},
		"NdisAllocateMdl":           {"NdisFreeMdl.Mdl", "NdisAllocateNetBuffer.MdlChain"},
		"NdisAllocateNetBuffer":     {"NdisFreeNetBuffer.NetBuffer", "NdisAdvanceNetBufferDataStart.NetBuffer", "NdisMFreeNetBufferSGList.NetBuffer"},
	}
	got := map[string][]string{}
	for _, p := range c.Released() {
		var refs []string
		for _, r := range c.HandleTakers(p) {
			d := c.DDI(r.DDI)
			if d == nil || d.Params[r.Index].Name != r.Param {
				t.Errorf("%s: taker %s.%s at %d is not that parameter", p.Acquire, r.DDI, r.Param, r.Index)
			}
			refs = append(refs, r.DDI+"."+r.Param)
		}
		got[p.Acquire] = refs
	}
	for acq, ws := range want {
		refs, ok := got[acq]
		if !ok {
			t.Errorf("%s: its pair has no handle", acq)
			continue
		}
		if refs[0] != ws[0] {
			t.Errorf("%s: first taker %s, want the release %s", acq, refs[0], ws[0])
		}
		all := strings.Join(refs, " ")
		for _, w := range ws {
			if !strings.Contains(" "+all+" ", " "+w+" ") {
				t.Errorf("%s: takers %s lack %s", acq, all, w)
			}
		}
	}
	if p := c.pairOf("NdisSetTimerObject"); p == nil || p.Handle != nil {
		t.Error("NdisCancelTimerObject ends no timer object: its pair must have no handle")
	}
}

// pairOf returns the pair whose acquire DDI is acq, or nil.
func (c *Catalogue) pairOf(acq string) *Pair {
	for i := range c.Pairs {
		if c.Pairs[i].Acquire == acq {
			return &c.Pairs[i]
		}
	}
	return nil
}

// TestPairHandleValidation checks that Load rejects a pair handle that
// names no parameter, a use that is no DDI parameter, and byType on
// ndis.Handle.
func TestPairHandleValidation(t *testing.T) {
	cases := []struct {
		name  string
		f     func(h *PairHandle)
		wants string
	}{
		{"release parameter", func(h *PairHandle) { h.Release = "Nope" }, "release"},
		{"acquire parameter", func(h *PairHandle) { h.Acquire = "MiniportAdapterHandle" }, "acquire"},
		{"use", func(h *PairHandle) { h.Uses = append(h.Uses, "NdisMSynchronizeWithInterruptEx.Nope") }, "uses"},
		{"byType", func(h *PairHandle) { h.ByType = true }, "byType"},
		{"reason", func(h *PairHandle) { h.Reason = "" }, "reason"},
	}
	for _, tc := range cases {
		data := mutate(t, func(c *Catalogue) { tc.f(c.pairOf("NdisMRegisterInterruptEx").Handle) })
		_, err := Load(data)
		if err == nil || !strings.Contains(err.Error(), "NdisMRegisterInterruptEx/NdisMDeregisterInterruptEx: handle") || !strings.Contains(err.Error(), tc.wants) {
			t.Errorf("%s: Load: %v, want an error about the pair's handle %s", tc.name, err, tc.wants)
		}
	}
}
