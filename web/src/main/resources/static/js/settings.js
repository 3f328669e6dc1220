// The Account Settings screen: user details, profile image and API token of one account: the
// signed-in user's own (GET /api/me), or, for an administrator, someone else's
// (GET /api/accounts/{id}), where the token can be revoked but not generated.
//
// Every change is a command with If-Match of the version the screen shows; its answer's version
// is then read back with minVersion, so the screen shows the new state as soon as the view has it.

import {Problem, readView, request} from './http.js';
import {
    announce, clearFieldErrors, fromTemplate, initialsOf, say, showFieldError, showFieldErrors, showInstant,
    showScreen,
} from './dom.js';
import {confirmWith} from './dialog.js';

const EXPIRY_WARNING = days => `Expiring soon: ${days === 1 ? '1 day' : `${days} days`} left`;

/**
 * Shows the screen. {@code target}: {own: true} or {accountId}; {@code minVersion}: a version the
 * view must have reached (after a registration); {@code onOwnChange(view)}: told of every new
 * state of the signed-in user's own account (the header shows it too).
 */
export async function showSettings(target, {minVersion, ownAccountId, onOwnChange = () => {}, policy, notice}) {
    const {fragment, slot} = fromTemplate('settings-template');
    const own = Boolean(target.own) || target.accountId === ownAccountId;
    const viewPath = target.own ? '/api/me' : `/api/accounts/${encodeURIComponent(target.accountId)}`;
    const screenMessage = slot('screen-message');
    const form = slot('details-form');

    let view = null;
    // the token as generated, for as long as this screen is open: never stored anywhere else
    let freshToken = null;

    const behind = () => say(screenMessage, 'Still updating: the screen will show your change in a moment.');

    /** Reads the view (with at least {@code version}) and shows it; {@code resetDetails}: also over what was typed. */
    async function load(version, resetDetails = false) {
        const answer = await readView(viewPath, version, behind);
        say(screenMessage, '');
        const previous = view;
        view = answer.body;
        renderDetails(resetDetails ? null : previous);
        renderAvatar();
        renderToken();
        renderStatus();
        if (own) {
            onOwnChange(view);
        }
    }

    /** After a change: the state with at least {@code version}, or a message saying the screen is behind. */
    async function refresh(version, resetDetails = false) {
        try {
            await load(version, resetDetails);
            return true;
        } catch (problem) {
            if (problem instanceof Problem && problem.status === 503) {
                say(screenMessage, 'Your change is saved, but the screen is still updating. Reload in a moment to see it.',
                    'error');
            } else {
                say(screenMessage, problem.message, 'error');
            }
            return false;
        }
    }

    function accountPath(suffix) {
        return `/api/accounts/${encodeURIComponent(view.accountId)}${suffix}`;
    }

    /** 412: someone changed the account since the screen read it. */
    function stale() {
        slot('stale').hidden = false;
        slot('reload').focus();
    }

    // ---- user details

    /**
     * Fills the fields from the view, except those the user has typed in since {@code previous}
     * was shown (a change of the image or the token does not throw away a name being typed).
     */
    function renderDetails(previous) {
        for (const field of ['firstName', 'lastName', 'email']) {
            const input = form.elements[field];
            if (!previous || input.value === (previous[field] ?? '')) {
                input.value = view[field] ?? '';
            }
        }
        if (!previous) {
            clearFieldErrors(form);
        }
        if (!own) {
            slot('title').textContent = `Edit user: ${[view.firstName, view.lastName].filter(Boolean).join(' ')
                || 'erased'}`;
        }
    }

    form.addEventListener('submit', async event => {
        event.preventDefault();
        const message = slot('details-message');
        clearFieldErrors(form);
        say(message, '');
        const typed = {
            firstName: form.elements.firstName.value.trim(),
            lastName: form.elements.lastName.value.trim(),
            email: form.elements.email.value.trim(),
        };
        const commands = [];
        if (typed.firstName !== view.firstName || typed.lastName !== view.lastName) {
            commands.push({path: '/name', json: {firstName: typed.firstName, lastName: typed.lastName}});
        }
        if (typed.email !== view.email) {
            commands.push({path: '/email', json: {email: typed.email}});
        }
        if (commands.length === 0) {
            say(message, 'Nothing to save: the details are as they were.', 'success');
            return;
        }
        const save = slot('save');
        save.disabled = true;
        let version = view.version;
        try {
            for (const command of commands) {
                // the second command names the version the first one made
                version = (await request('PUT', accountPath(command.path), {json: command.json, version})).version;
            }
            if (await refresh(version, true)) {
                say(message, 'Saved.', 'success');
            }
        } catch (problem) {
            if (version !== view.version) {
                // the first of two commands went through: show it; what the user typed stays
                await refresh(version);
            }
            if (problem.status === 412) {
                say(message, 'Not saved: this account was changed elsewhere. Reload to see the current details.',
                    'error');
                stale();
            } else if (problem.status === 409 && problem.is('email-taken')) {
                showFieldError(form, 'email', problem.detail || 'This email address is already taken.');
                say(message, 'Not saved: the email address is taken.', 'error');
            } else if (problem.status === 400 && problem.errors.length > 0) {
                const rest = showFieldErrors(form, problem.errors);
                say(message, ['Not saved: check the fields marked.', ...rest].join(' '), 'error');
            } else {
                say(message, `Not saved: ${problem.message}`, 'error');
            }
        } finally {
            save.disabled = false;
        }
    });

    slot('reload').addEventListener('click', async () => {
        slot('stale').hidden = true;
        say(slot('details-message'), '');
        await refresh(undefined, true);
        announce('The current details are shown.');
        slot('title').focus();
    });

    // ---- profile image

    function renderAvatar() {
        const image = slot('avatar');
        const initials = slot('initials');
        const name = [view.firstName, view.lastName].filter(Boolean).join(' ');
        if (view.avatarUrl) {
            image.src = view.avatarUrl;
            image.alt = `Profile image of ${name}`;
            image.hidden = false;
            initials.hidden = true;
        } else {
            image.removeAttribute('src');
            image.hidden = true;
            initials.hidden = false;
            initials.textContent = initialsOf(view.firstName, view.lastName);
        }
        slot('remove-avatar').hidden = !view.avatarUrl;
    }

    slot('edit-avatar').addEventListener('click', () => slot('avatar-file').click());
    slot('avatar-file').addEventListener('change', async event => {
        const input = event.target;
        const file = input.files[0];
        input.value = ''; // choosing the same file again is a new change
        if (!file) {
            return;
        }
        const message = slot('avatar-message');
        say(message, 'Uploading…');
        const data = new FormData();
        data.append('image', file, file.name);
        try {
            const answer = await request('PUT', accountPath('/avatar'), {form: data, version: view.version});
            if (await refresh(answer.version)) {
                say(message, 'The profile image is updated.', 'success');
            }
        } catch (problem) {
            say(message, avatarRefusal(problem), 'error');
            if (problem.status === 412) {
                stale();
            }
        }
        slot('edit-avatar').focus();
    });

    slot('remove-avatar').addEventListener('click', async () => {
        const message = slot('avatar-message');
        say(message, '');
        try {
            const answer = await request('DELETE', accountPath('/avatar'), {version: view.version});
            if (await refresh(answer.version)) {
                say(message, 'The profile image is removed.', 'success');
            }
        } catch (problem) {
            say(message, problem.status === 412
                ? 'The image was not removed: this account was changed elsewhere. Reload to see the current details.'
                : `The image was not removed: ${problem.message}`, 'error');
            if (problem.status === 412) {
                stale();
            }
        }
        slot('edit-avatar').focus();
    });

    // ---- API token

    function renderToken() {
        const token = view.apiToken;
        const live = token && token.status !== 'EXPIRED';
        const shown = freshToken && token && freshToken.tokenId === token.tokenId ? freshToken : null;
        if (!shown) {
            freshToken = null;
        }
        slot('generator').hidden = !own || live;
        slot('owner-only').hidden = own;
        const field = slot('token-field');
        field.value = shown ? shown.token : token ? hintText(token.hint) : '';
        slot('copy').hidden = !shown;
        slot('token-notice').hidden = !shown;
        slot('delete').hidden = !token;
        slot('token-dates').hidden = !token;
        const warning = slot('expiry-warning');
        warning.hidden = true;
        if (token) {
            showInstant(slot('created'), token.createdAt);
            showInstant(slot('expires'), token.expiresAt);
            if (token.status === 'EXPIRING_SOON') {
                warning.textContent = EXPIRY_WARNING(token.daysUntilExpiry);
                warning.className = 'warning';
                warning.hidden = false;
            } else if (token.status === 'EXPIRED') {
                warning.textContent = 'Expired';
                warning.className = 'warning expired';
                warning.hidden = false;
            }
        }
    }

    function renderChoices() {
        const fieldset = slot('expires-in');
        fieldset.querySelectorAll('.choice').forEach(choice => choice.remove());
        policy.expiryChoices.forEach((days, index) => {
            const label = document.createElement('label');
            label.className = 'choice';
            const radio = document.createElement('input');
            radio.type = 'radio';
            radio.name = 'expiresInDays';
            radio.value = String(days);
            radio.checked = index === 0;
            label.append(radio, ` ${days === 1 ? '1 day' : `${days} days`}`);
            fieldset.append(label);
        });
    }

    slot('generate').addEventListener('click', async () => {
        const message = slot('token-message');
        const chosen = slot('expires-in').querySelector('input:checked');
        if (!chosen) {
            say(message, 'Choose when the token expires.', 'error');
            return;
        }
        say(message, '');
        const generate = slot('generate');
        generate.disabled = true;
        try {
            const answer = await request('POST', accountPath('/api-token'),
                {json: {expiresInDays: Number(chosen.value)}, version: view.version});
            freshToken = answer.body;
            await refresh(answer.version);
            // the field now holds the token: the user copies it from there
            say(message, 'Your new API token is ready. Copy it now: it will not be shown again.', 'success');
            slot('copy').focus();
        } catch (problem) {
            if (problem.status === 412) {
                stale();
            }
            say(message, `No token generated: ${problem.message}`, 'error');
        } finally {
            generate.disabled = false;
        }
    });

    slot('copy').addEventListener('click', async () => {
        const message = slot('token-message');
        const field = slot('token-field');
        try {
            await navigator.clipboard.writeText(field.value);
            say(message, 'The token is copied to the clipboard.', 'success');
        } catch {
            field.select();
            say(message, 'The token is selected: copy it with your keyboard (Ctrl+C or ⌘C).');
        }
    });

    slot('delete').addEventListener('click', async () => {
        const message = slot('token-message');
        if (!await confirmWith(document.getElementById('delete-token-dialog'))) {
            return;
        }
        try {
            const answer = await request('DELETE', accountPath('/api-token'), {version: view.version});
            freshToken = null;
            if (await refresh(answer.version)) {
                say(message, own
                    ? 'The API token is deleted. You can generate a new one, or leave this screen.'
                    : 'The API token is deleted.', 'success');
            }
            (own ? slot('expires-in').querySelector('input') : slot('title')).focus();
        } catch (problem) {
            if (problem.status === 412) {
                stale();
            }
            say(message, `The token was not deleted: ${problem.message}`, 'error');
        }
    });

    // ---- account status: an administrator closes and reopens someone else's account

    function renderStatus() {
        const erased = view.status === 'ERASED';
        const closed = erased || view.status === 'CLOSED';
        slot('status-card').hidden = own;
        slot('open-text').hidden = closed;
        slot('closed-text').hidden = !closed || erased;
        slot('erased-text').hidden = !erased;
        showInstant(slot('closed-at'), view.closedAt);
        showInstant(slot('erased-at'), view.erasedAt);
        slot('close-account').hidden = own || closed;
        slot('reopen-account').hidden = own || !closed || erased;
        slot('erase-account').hidden = own || !closed || erased;
        // a closed account accepts nothing but its reopening
        form.querySelectorAll('input, button').forEach(control => { control.disabled = closed; });
        slot('edit-avatar').disabled = closed;
        slot('remove-avatar').disabled = closed;
        slot('delete').disabled = closed;
    }

    async function changeStatus(command, done, button) {
        const message = slot('status-message');
        say(message, '');
        button.disabled = true;
        try {
            const answer = await request('POST', accountPath(command), {version: view.version});
            freshToken = null;
            if (await refresh(answer.version)) {
                say(message, done, 'success');
            }
            slot(view.status === 'OPEN' ? 'close-account' : view.status === 'CLOSED' ? 'reopen-account'
                : 'title').focus();
        } catch (problem) {
            if (problem.status === 412) {
                stale();
            }
            say(message, `The account was not changed: ${problem.message}`, 'error');
        } finally {
            button.disabled = false;
        }
    }

    slot('close-account').addEventListener('click', async () => {
        if (await confirmWith(document.getElementById('close-account-dialog'))) {
            await changeStatus('/close', 'The account is closed.', slot('close-account'));
        }
    });

    slot('reopen-account').addEventListener('click', () =>
        changeStatus('/reopen', 'The account is reopened.', slot('reopen-account')));

    slot('erase-account').addEventListener('click', async () => {
        if (await confirmWith(document.getElementById('erase-account-dialog'))) {
            await changeStatus('/erase', 'The personal data is erased.', slot('erase-account'));
        }
    });

    // ---- start

    slot('back').hidden = own && Boolean(target.own);
    if (!own) {
        slot('title').textContent = 'Edit user';
    } else {
        renderChoices();
    }
    if (policy.warningRule) {
        slot('warning-rule').textContent = policy.warningRule;
        slot('warning-rule').hidden = false;
    }
    await load(minVersion);
    if (notice) {
        say(screenMessage, notice, 'success');
    }
    showScreen(fragment);
}

function hintText(hint) {
    if (!hint) {
        return '';
    }
    return hint.includes('…') || hint.startsWith('eoc_') ? hint : `eoc_…${hint}`;
}

/** What a refused upload means for the user; the old image stays on screen. */
function avatarRefusal(problem) {
    const detail = problem.detail ? ` (${problem.detail})` : '';
    switch (problem.status) {
        case 413:
            return `That file is too large to be a profile image${detail}. Choose a smaller one.`;
        case 415:
            return `That file is not an image this screen accepts: choose a PNG, JPEG or GIF image${detail}.`;
        case 400:
            return `That image could not be used${detail}. Choose another one.`;
        case 412:
            return 'The image was not changed: this account was changed elsewhere. Reload to see the current details.';
        default:
            return `The image was not changed: ${problem.message}`;
    }
}
