// A modal confirmation: focus stays inside while it is open, Escape or Cancel closes it, and
// focus returns to what opened it.

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Opens the dialog; answers a promise of true (Confirm) or false (Cancel, Escape). */
export function confirmWith(dialog) {
    const opener = document.activeElement;
    return new Promise(resolve => {
        const confirm = dialog.querySelector('[data-action="confirm"]');
        const cancel = dialog.querySelector('[data-action="cancel"]');

        const trap = event => {
            if (event.key !== 'Tab') {
                return;
            }
            const focusable = [...dialog.querySelectorAll(FOCUSABLE)];
            const first = focusable[0];
            const last = focusable[focusable.length - 1];
            if (event.shiftKey && document.activeElement === first) {
                event.preventDefault();
                last.focus();
            } else if (!event.shiftKey && document.activeElement === last) {
                event.preventDefault();
                first.focus();
            }
        };
        const finish = answer => {
            dialog.removeEventListener('keydown', trap);
            dialog.removeEventListener('cancel', onCancel);
            confirm.removeEventListener('click', onConfirm);
            cancel.removeEventListener('click', onCancelClick);
            if (dialog.open) {
                dialog.close();
            }
            if (opener && opener.isConnected) {
                opener.focus();
            }
            resolve(answer);
        };
        const onCancel = event => {
            event.preventDefault(); // Escape: closed by finish, so that focus goes back in the same way
            finish(false);
        };
        const onConfirm = () => finish(true);
        const onCancelClick = () => finish(false);

        dialog.addEventListener('keydown', trap);
        dialog.addEventListener('cancel', onCancel);
        confirm.addEventListener('click', onConfirm);
        cancel.addEventListener('click', onCancelClick);
        dialog.showModal();
        cancel.focus(); // the harmless choice first
    });
}
