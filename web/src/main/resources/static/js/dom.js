// Small helpers shared by the screens.

/** A copy of a <template>'s content, and a function that finds its parts by data-slot. */
export function fromTemplate(id) {
    const fragment = document.getElementById(id).content.cloneNode(true);
    // found now: once the fragment is in the document, it is empty
    const slots = new Map([...fragment.querySelectorAll('[data-slot]')].map(e => [e.dataset.slot, e]));
    const slot = name => slots.get(name);
    return {fragment, slot};
}

/** Replaces the screen's content and moves focus to its title, so that the change is announced. */
export function showScreen(fragment, title) {
    const screen = document.getElementById('screen');
    screen.replaceChildren(fragment);
    const heading = screen.querySelector('[data-slot="title"]');
    if (title && heading) {
        heading.textContent = title;
    }
    document.title = `${heading ? heading.textContent : 'Account Settings'} · Environment Operations Center`;
    (heading || screen).focus();
}

/** Says something to screen readers without showing it (for changes the eye sees elsewhere). */
export function announce(text) {
    const announcer = document.getElementById('announcer');
    announcer.textContent = '';
    // a fresh text node in a later task, so that the same sentence twice is read twice
    setTimeout(() => { announcer.textContent = text; }, 50);
}

/** Shows a message in a message element; {@code kind} is 'error', 'success' or '' (neutral). */
export function say(element, text, kind = '') {
    element.textContent = text || '';
    element.classList.toggle('error', kind === 'error');
    element.classList.toggle('success', kind === 'success');
    element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

export function initialsOf(firstName, lastName, fallback = '') {
    const letters = [firstName, lastName].filter(Boolean).map(n => n.trim().charAt(0).toUpperCase()).join('');
    return letters || (fallback || '?').trim().charAt(0).toUpperCase();
}

const DATE = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});

/** Fills a <time> with an instant: machine-readable attribute, local wording. */
export function showInstant(time, iso) {
    time.dateTime = iso || '';
    time.textContent = iso ? DATE.format(new Date(iso)) : '';
}

/** Clears every field error of a form. */
export function clearFieldErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(p => { p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
}

/**
 * Puts the server's field errors beside their fields; answers the messages that have no field
 * on this form (to be shown with the form's message).
 */
export function showFieldErrors(form, errors) {
    const unplaced = [];
    let first = null;
    for (const {field, message} of errors) {
        const target = form.querySelector(`[data-error-for="${field}"]`);
        const input = form.elements.namedItem(field);
        if (target && input) {
            target.textContent = target.textContent ? `${target.textContent} ${message}` : message;
            input.setAttribute('aria-invalid', 'true');
            first = first || input;
        } else {
            unplaced.push(field ? `${field}: ${message}` : message);
        }
    }
    if (first) {
        first.focus();
    }
    return unplaced;
}

/** Shows one message beside one field. */
export function showFieldError(form, field, message) {
    return showFieldErrors(form, [{field, message}]);
}
