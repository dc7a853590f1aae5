package ndis

// The types of the general-purpose NDIS DDIs SDV's Irql_Miscellaneous_Function
// rule lists (lookaside lists, strings, lists, device objects, configuration
// parameters), reduced to what the simulation uses.

// NpagedLookasideList models NPAGED_LOOKASIDE_LIST: the head of a lookaside
// list of fixed-size nonpaged entries. Initialize it with
// NdisInitializeNPagedLookasideList; its fields are NDIS's (the simulation
// keeps the list's state beside it).
type NpagedLookasideList struct {
	// Size is the size of each entry, as NdisInitializeNPagedLookasideList
	// received it.
	Size uint32
	// Tag is the pool tag of the entries.
	Tag uint32
}

// AllocateFunction models PALLOCATE_FUNCTION: a lookaside list's optional
// allocator, called with NonPagedPool (0), the entry size and the tag; it
// returns the entry, nil on failure.
type AllocateFunction func(poolType int32, numberOfBytes uint64, tag uint32) []byte

// FreeFunction models PFREE_FUNCTION: a lookaside list's optional function
// that frees an entry its AllocateFunction returned.
type FreeFunction func(buffer []byte)

// AnsiString models ANSI_STRING (NDIS_ANSI_STRING): a counted string of
// bytes in the system's ANSI code page, which the simulation takes as
// ISO 8859-1 (each byte is the Unicode code point of its value).
type AnsiString string

// ListEntry models LIST_ENTRY: a node, or the head, of a doubly linked list.
// An initialized empty head points to itself both ways.
type ListEntry struct {
	Flink *ListEntry
	Blink *ListEntry
}

// SingleListEntry models SLIST_ENTRY: a node of a sequenced singly linked
// list.
type SingleListEntry struct {
	Next *SingleListEntry
}

// SlistHeader models SLIST_HEADER: the head of a sequenced singly linked
// list and the number of entries on it.
type SlistHeader struct {
	Next  *SingleListEntry
	Depth uint16
}

// DeviceObjectAttributes models NDIS_DEVICE_OBJECT_ATTRIBUTES: the device
// NdisRegisterDeviceEx creates, reduced to its names and the size of its
// extension.
type DeviceObjectAttributes struct {
	Header        ObjectHeader
	DeviceName    String
	SymbolicName  String
	ExtensionSize uint32
}

// ParameterType models NDIS_PARAMETER_TYPE: the type of a configuration
// parameter's value.
type ParameterType int32

// The NDIS_PARAMETER_TYPE values, in ndis.h's order.
const (
	// ParameterInteger is NdisParameterInteger.
	ParameterInteger ParameterType = 0
	// ParameterHexInteger is NdisParameterHexInteger.
	ParameterHexInteger ParameterType = 1
	// ParameterString is NdisParameterString.
	ParameterString ParameterType = 2
	// ParameterMultiString is NdisParameterMultiString.
	ParameterMultiString ParameterType = 3
	// ParameterBinary is NdisParameterBinary.
	ParameterBinary ParameterType = 4
)

// ConfigurationParameter models NDIS_CONFIGURATION_PARAMETER: a registry
// value and its type. C's ParameterData union is one field per member:
// IntegerData for the integer types, StringData for the string types (a
// multi-string's strings separated by NUL characters), BinaryData for
// NdisParameterBinary.
type ConfigurationParameter struct {
	ParameterType ParameterType
	IntegerData   uint32
	StringData    String
	BinaryData    []byte
}
