// The account menu under the avatar: a menu button (aria-expanded) whose items the arrow keys,
// Home and End move between; Escape closes it and gives focus back to the button.

export function accountMenu(button, menu) {
    const items = () => [...menu.querySelectorAll('[role="menuitem"]')]
        .filter(item => !item.closest('[hidden]'));

    const open = (focusIndex = 0) => {
        menu.hidden = false;
        button.setAttribute('aria-expanded', 'true');
        const list = items();
        list[(focusIndex + list.length) % list.length]?.focus();
    };
    const close = (returnFocus = true) => {
        if (menu.hidden) {
            return;
        }
        menu.hidden = true;
        button.setAttribute('aria-expanded', 'false');
        if (returnFocus) {
            button.focus();
        }
    };
    const isOpen = () => !menu.hidden;

    button.addEventListener('click', () => (isOpen() ? close() : open()));
    button.addEventListener('keydown', event => {
        if (event.key === 'ArrowDown') {
            event.preventDefault();
            open(0);
        } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            open(-1);
        }
    });
    menu.addEventListener('keydown', event => {
        const list = items();
        const index = list.indexOf(document.activeElement);
        const moves = {ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: list.length - 1};
        if (event.key in moves) {
            event.preventDefault();
            list[(moves[event.key] + list.length) % list.length].focus();
        } else if (event.key === 'Escape') {
            event.preventDefault();
            close();
        } else if (event.key === 'Tab') {
            close(false);
        }
    });
    // choosing an item closes the menu; a link then changes the screen, which takes the focus
    menu.addEventListener('click', () => close(false));
    document.addEventListener('click', event => {
        if (isOpen() && !menu.contains(event.target) && !button.contains(event.target)) {
            close(false);
        }
    });
    return {close};
}
