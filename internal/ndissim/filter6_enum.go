package ndissim

import (
	"unicode/utf16"

	"github.com/ndislint/ndislint/ndis"
)

// NdisEnumerateFilterModules. The result's length is counted in the C
// layout of a 64-bit build (docs/model.md): the NDIS_ENUM_FILTERS header up
// to its Filter array, one NDIS_FILTER_INTERFACE per module, and the UTF-16
// characters of each module's FilterInstanceName after them.
const (
	// enumFiltersHeaderSize is NDIS_ENUM_FILTERS up to Filter: Header,
	// Flags, NumberOfFilters and OffsetFirstFilter.
	enumFiltersHeaderSize = 16
	// filterInterfaceSize is NDIS_FILTER_INTERFACE: Header, Flags,
	// FilterType, FilterRunType, IfIndex (padded), NetLuid and the two
	// UNICODE_STRINGs FilterClass and FilterInstanceName.
	filterInterfaceSize = 64
)

// stackArg resolves the NdisHandle of NdisEnumerateFilterModules to the
// adapter whose stack it names: a miniport adapter handle, a filter module
// handle or an NDIS 6 binding handle. Any other handle is reported
// (bad-handle).
func (w *world) stackArg(ddi, param string, h ndis.Handle) *adapter6 {
	switch h.(type) {
	case *adapter6:
		return w.adapter6Arg(ddi, param, h)
	case *module6:
		if m := w.module6Arg(ddi, param, h); m != nil {
			return m.adapter
		}
		return nil
	}
	if b := w.binding6Arg(ddi, param, h); b != nil {
		return b.adapter
	}
	return nil
}

// filterInterfaces returns the filter modules of a's stack, top-most first,
// and the bytes the result takes.
func filterInterfaces(a *adapter6) ([]ndis.FilterInterface, uint32) {
	var out []ndis.FilterInterface
	need := uint32(enumFiltersHeaderSize)
	for i := len(a.filters) - 1; i >= 0; i-- {
		name := ndis.String(a.name + " - " + a.filters[i].drv.name)
		out = append(out, ndis.FilterInterface{Flags: ndis.FilterInterfaceLwFilter, FilterInstanceName: name})
		need += filterInterfaceSize + 2*uint32(len(utf16.Encode([]rune(string(name)))))
	}
	return out, need
}

// EnumerateFilterModules runs NdisEnumerateFilterModules in the simulated
// NDIS: too short a buffer gets nothing and the length needed.
func (w *world) EnumerateFilterModules(ndisHandle ndis.Handle, interfaceBuffer *ndis.EnumFilters, interfaceBufferLength uint32, bytesNeeded *uint32, bytesWritten *uint32) ndis.Status {
	const ddi = "NdisEnumerateFilterModules"
	defer w.st.EnterDDI(ddi, args(ndisHandle, interfaceBuffer != nil, interfaceBufferLength, "BytesNeeded", "BytesWritten"))()
	if !w.needPtr(ddi, "BytesNeeded", bytesNeeded == nil) || !w.needPtr(ddi, "BytesWritten", bytesWritten == nil) {
		return ndis.StatusInvalidParameter
	}
	a := w.stackArg(ddi, "NdisHandle", ndisHandle)
	if a == nil {
		return ndis.StatusInvalidParameter
	}
	filters, need := filterInterfaces(a)
	*bytesNeeded, *bytesWritten = need, 0
	if interfaceBuffer == nil || interfaceBufferLength < need {
		return ndis.StatusBufferTooShort
	}
	*interfaceBuffer = ndis.EnumFilters{NumberOfFilters: uint32(len(filters)), OffsetFirstFilter: enumFiltersHeaderSize, Filter: filters}
	*bytesWritten = need
	return ndis.StatusSuccess
}
