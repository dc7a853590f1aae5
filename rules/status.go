package rules

// Status names the catalogue itself gives a meaning to. Other statuses are
// the pages' NDIS names, as Role.Statuses and DDI.Statuses list them; the Go
// model's constant of each follows the naming rule (NDIS_STATUS_NOT_SUPPORTED
// is ndis.StatusNotSupported).
const (
	// StatusSuccess is NDIS_STATUS_SUCCESS: the request is done.
	StatusSuccess = "NDIS_STATUS_SUCCESS"
	// StatusPending is NDIS_STATUS_PENDING: the request completes later, by
	// the role or DDI a DDI's CompletedBy or a role's CompletedBy names.
	// DDI.Pends and Role.MayPend say who may return it.
	StatusPending = "NDIS_STATUS_PENDING"
	// StatusAny stands for a page's NDIS_STATUS_XXX row: any failure status
	// of the driver's choice. A list that holds it is not exhaustive.
	StatusAny = "NDIS_STATUS_XXX"
)
