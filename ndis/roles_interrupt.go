package ndis

// The NDIS 6 miniport interrupt role types (issue 13), in the form
// of roles.go: one named function type per role typedef.

// MiniportDisableInterrupt is the MINIPORT_DISABLE_INTERRUPT role. NDIS can
// call a miniport driver's MiniportDisableInterruptEx handler to disable
// interrupts for diagnostic and troubleshooting purposes.
// NDIS calls it at DIRQL.
// Page: nc-ndis-miniport_disable_interrupt.
type MiniportDisableInterrupt func(miniportInterruptContext Handle)

// MiniportDisableMessageInterrupt is the MINIPORT_DISABLE_MESSAGE_INTERRUPT
// role. NDIS can call a miniport driver's MiniportDisableMessageInterrupt
// handler to disable a message interrupt for diagnostic and troubleshooting
// purposes.
// NDIS calls it at DIRQL.
// Page: nc-ndis-miniport_disable_message_interrupt.
type MiniportDisableMessageInterrupt func(miniportInterruptContext Handle, messageId uint32)

// MiniportEnableInterrupt is the MINIPORT_ENABLE_INTERRUPT role. NDIS can
// call a miniport driver's MiniportEnableInterruptEx handler to enable
// interrupts for diagnostic and troubleshooting purposes.
// NDIS calls it at DIRQL.
// Page: nc-ndis-miniport_enable_interrupt.
type MiniportEnableInterrupt func(miniportInterruptContext Handle)

// MiniportEnableMessageInterrupt is the MINIPORT_ENABLE_MESSAGE_INTERRUPT
// role. NDIS can call a miniport driver's MiniportEnableMessageInterrupt
// function to enable a message interrupt for diagnostic and troubleshooting
// purposes.
// NDIS calls it at DIRQL.
// Page: nc-ndis-miniport_enable_message_interrupt.
type MiniportEnableMessageInterrupt func(miniportInterruptContext Handle, messageId uint32)

// MiniportInterruptDPC is the MINIPORT_INTERRUPT_DPC role. A miniport
// driver must provide a MiniportInterruptDPC function if the driver calls
// the NdisMRegisterInterruptEx function to register an interrupt.
// NDIS calls it at DISPATCH_LEVEL.
// Page: nc-ndis-miniport_interrupt_dpc.
type MiniportInterruptDPC func(miniportInterruptContext Handle, miniportDpcContext Handle, receiveThrottleParameters Handle, ndisReserved2 Handle)

// MiniportIsr is the MINIPORT_ISR role. NDIS calls the MiniportInterrupt
// function when a NIC, or another device that shares the interrupt with the
// NIC, generates an interrupt.
// NDIS calls it at DIRQL.
// Page: nc-ndis-miniport_isr.
type MiniportIsr func(miniportInterruptContext Handle, queueDefaultInterruptDpc *bool, targetProcessors *uint32) bool

// MiniportMessageInterrupt is the MINIPORT_MESSAGE_INTERRUPT role. NDIS
// calls the MiniportMessageInterrupt function when a NIC generates a
// message-based interrupt.
// NDIS calls it at DIRQL.
// Page: nc-ndis-miniport_message_interrupt.
type MiniportMessageInterrupt func(miniportInterruptContext Handle, messageId uint32, queueDefaultInterruptDpc *bool, targetProcessors *uint32) bool

// MiniportMessageInterruptDPC is the MINIPORT_MESSAGE_INTERRUPT_DPC role. A
// miniport driver must provide a MiniportMessageInterruptDPC handler if the
// driver calls the NdisMRegisterInterruptEx function to register an
// interrupt.
// NDIS calls it at DISPATCH_LEVEL.
// Page: nc-ndis-miniport_message_interrupt_dpc.
type MiniportMessageInterruptDPC func(miniportInterruptContext Handle, messageId uint32, miniportDpcContext Handle, receiveThrottleParameters Handle, ndisReserved1 Handle, ndisReserved2 Handle)

// MiniportSynchronizeInterrupt is the MINIPORT_SYNCHRONIZE_INTERRUPT role.
// A miniport driver must provide a MiniportSynchronizeInterrupt handler if
// any driver function that runs at less than DIRQL shares resources with
// the MiniportInterrupt function.
// NDIS calls it at DIRQL.
// Page: nc-ndis-miniport_synchronize_interrupt.
type MiniportSynchronizeInterrupt func(synchronizeContext Handle) bool
