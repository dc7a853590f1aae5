package wdm

import "fmt"

// NtStatus models NTSTATUS, the status the kernel routines return.
type NtStatus int32

// The NTSTATUS values the modelled routines return (ntstatus.h).
const (
	// StatusSuccess is STATUS_SUCCESS.
	StatusSuccess NtStatus = 0x00000000
	// StatusUserApc is STATUS_USER_APC.
	StatusUserApc NtStatus = 0x000000C0
	// StatusAlerted is STATUS_ALERTED.
	StatusAlerted NtStatus = 0x00000101
	// StatusTimeout is STATUS_TIMEOUT.
	StatusTimeout NtStatus = 0x00000102
	// StatusInvalidParameter is STATUS_INVALID_PARAMETER.
	StatusInvalidParameter NtStatus = -0x3FFFFFF3 // 0xC000000D
)

// String returns the ntstatus.h name of the status, or its value in hex.
func (s NtStatus) String() string {
	switch s {
	case StatusSuccess:
		return "STATUS_SUCCESS"
	case StatusUserApc:
		return "STATUS_USER_APC"
	case StatusAlerted:
		return "STATUS_ALERTED"
	case StatusTimeout:
		return "STATUS_TIMEOUT"
	case StatusInvalidParameter:
		return "STATUS_INVALID_PARAMETER"
	}
	return fmt.Sprintf("NTSTATUS(0x%08X)", uint32(s))
}

// KProcessorMode models KPROCESSOR_MODE, the mode a caller waits in.
type KProcessorMode uint8

// The KPROCESSOR_MODE values.
const (
	// KernelMode is KernelMode.
	KernelMode KProcessorMode = 0
	// UserMode is UserMode.
	UserMode KProcessorMode = 1
)

// KWaitReason models KWAIT_REASON. Drivers pass Executive, or UserRequest
// when they wait on behalf of a user thread.
type KWaitReason uint32

// The KWAIT_REASON values drivers use (wdm.h).
const (
	// Executive is Executive.
	Executive KWaitReason = 0
	// UserRequest is UserRequest.
	UserRequest KWaitReason = 6
)
