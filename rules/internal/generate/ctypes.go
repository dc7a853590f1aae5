package generate

import "github.com/pkg/errors"

// modelTypes is the C-to-Go table of docs/model.md. Go types are written
// package-qualified (ndis.Handle, *wdm.Irql) whichever package declares the
// function. PVOID is not here: it is a context (ndis.Handle) or a buffer
// ([]byte) depending on the parameter, see goType.
var modelTypes = map[string]string{
	"NDIS_HANDLE":                           "ndis.Handle",
	"PNDIS_HANDLE":                          "*ndis.Handle",
	"NDIS_STATUS":                           "ndis.Status",
	"PNDIS_STATUS":                          "*ndis.Status",
	"UINT":                                  "uint32",
	"ULONG":                                 "uint32",
	"NDIS_OID":                              "uint32",
	"LONGLONG":                              "int64",
	"LARGE_INTEGER":                         "int64",
	"BOOLEAN":                               "bool",
	"PCO_CALL_PARAMETERS":                   "*ndis.CoCallParameters",
	"PCO_ADDRESS_FAMILY":                    "*ndis.CoAddressFamily",
	"PCO_SAP":                               "*ndis.CoSap",
	"PNDIS_OID_REQUEST":                     "*ndis.OidRequest",
	"PNET_BUFFER_LIST":                      "*ndis.NetBufferList",
	"PNDIS_STATUS_INDICATION":               "*ndis.StatusIndication",
	"PNDIS_SPIN_LOCK":                       "*ndis.SpinLock",
	"PKSPIN_LOCK":                           "*wdm.KSpinLock",
	"KIRQL":                                 "wdm.Irql",
	"PKIRQL":                                "*wdm.Irql",
	"PNDIS_EVENT":                           "*ndis.Event",
	"PNDIS_STRING":                          "*ndis.String",
	"PUNICODE_STRING":                       "*ndis.String",
	"PVAR_STRING":                           "*ndis.VarString",
	"PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS": "*ndis.ProtocolDriverCharacteristics",
	"PNDIS_DRIVER_OPTIONAL_HANDLERS":        "ndis.DriverOptionalHandlers",
	"PNDIS_OPEN_PARAMETERS":                 "*ndis.OpenParameters",
	"PNDIS_BIND_PARAMETERS":                 "*ndis.BindParameters",
	"PNDIS_TIMER_CHARACTERISTICS":           "*ndis.TimerCharacteristics",
	"NDIS_IO_WORKITEM_FUNCTION":             "ndis.IoWorkitemFunction",
	"EX_POOL_PRIORITY":                      "ndis.ExPoolPriority",
}

// returnTypes maps C return types to Go result types ("" for VOID).
var returnTypes = map[string]string{
	"VOID":        "",
	"NDIS_STATUS": "ndis.Status",
	"BOOLEAN":     "bool",
	"NDIS_HANDLE": "ndis.Handle",
	"KIRQL":       "wdm.Irql",
	// PVOID memory returned by an allocator.
	"PVOID": "[]byte",
}

// goType maps one parameter's C type. buffer says a PVOID is a buffer (or
// allocator memory) rather than a context; extra are the overlay's types
// beyond the model table.
func goType(ctype string, buffer bool, extra map[string]string) (string, error) {
	if ctype == "PVOID" {
		if buffer {
			return "[]byte", nil
		}
		return "ndis.Handle", nil
	}
	if t, ok := modelTypes[ctype]; ok {
		return t, nil
	}
	if t, ok := extra[ctype]; ok {
		return t, nil
	}
	return "", errors.Errorf("C type %s is in neither the docs/model.md table nor the overlay's goTypes", ctype)
}

// goReturn maps a C return type.
func goReturn(ctype string, extra map[string]string) (string, error) {
	if t, ok := returnTypes[ctype]; ok {
		return t, nil
	}
	if t, ok := extra[ctype]; ok {
		return t, nil
	}
	return "", errors.Errorf("C return type %s is in neither the docs/model.md table nor the overlay's goTypes", ctype)
}
