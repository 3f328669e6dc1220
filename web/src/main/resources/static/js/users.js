// The administrators' Users screen: search over names and email, one page at a time, and
// Create user. Opening a user shows the Account Settings screen of that account.

import {request} from './http.js';
import {clearFieldErrors, fromTemplate, say, showFieldError, showFieldErrors, showScreen} from './dom.js';

const PAGE_SIZE = 10;

/** Shows the screen for {@code search} and {@code page} (from the address, so Back works). */
export async function showUsers({search = '', page = 0}) {
    const {fragment, slot} = fromTemplate('users-template');
    const searchField = slot('search');
    searchField.value = search;

    slot('search-form').addEventListener('submit', event => {
        event.preventDefault();
        go(searchField.value.trim(), 0);
    });
    slot('previous').addEventListener('click', () => go(search, page - 1));
    slot('next').addEventListener('click', () => go(search, page + 1));

    const createForm = slot('create-form');
    createForm.addEventListener('submit', async event => {
        event.preventDefault();
        await createUser(createForm, slot('create-message'));
    });

    const query = new URLSearchParams({search, page: String(page), size: String(PAGE_SIZE)});
    const message = slot('list-message');
    try {
        const answer = (await request('GET', `/api/accounts?${query}`)).body;
        renderList(slot('list'), answer.items);
        const pages = Math.max(1, Math.ceil(answer.totalItems / answer.size));
        const count = answer.totalItems === 1 ? '1 user' : `${answer.totalItems} users`;
        slot('page-info').textContent = `Page ${answer.page + 1} of ${pages} (${count})`;
        slot('previous').disabled = answer.page <= 0;
        slot('next').disabled = answer.page + 1 >= pages;
        if (answer.items.length === 0) {
            say(message, search ? `No user matches “${search}”.` : 'There are no users yet.');
        } else if (search) {
            say(message, `${count} ${answer.totalItems === 1 ? 'matches' : 'match'} “${search}”.`);
        }
    } catch (problem) {
        say(message, `The users could not be listed: ${problem.message}`, 'error');
        slot('previous').disabled = true;
        slot('next').disabled = true;
    }
    showScreen(fragment);
}

export function usersAddress(search, page) {
    const query = new URLSearchParams();
    if (search) {
        query.set('search', search);
    }
    if (page > 0) {
        query.set('page', String(page));
    }
    const text = query.toString();
    return text ? `#/users?${text}` : '#/users';
}

function go(search, page) {
    window.location.hash = usersAddress(search, page);
}

function renderList(list, items) {
    list.replaceChildren(...items.map(account => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `#/users/${encodeURIComponent(account.accountId)}`;
        link.textContent = [account.firstName, account.lastName].filter(Boolean).join(' ') || 'Erased user';
        const email = document.createElement('span');
        email.className = 'user-email';
        email.textContent = account.email;
        const token = document.createElement('span');
        token.className = 'user-token';
        token.textContent = {CLOSED: 'Account closed', ERASED: 'Personal data erased'}[account.status]
            || tokenSummary(account.apiToken);
        item.append(link, email, token);
        return item;
    }));
}

function tokenSummary(token) {
    if (!token) {
        return 'No API token';
    }
    return {ACTIVE: 'API token active', EXPIRING_SOON: 'API token expiring soon', EXPIRED: 'API token expired'}[
        token.status] || 'API token';
}

async function createUser(form, message) {
    clearFieldErrors(form);
    say(message, '');
    const body = {
        firstName: form.elements.firstName.value.trim(),
        lastName: form.elements.lastName.value.trim(),
        email: form.elements.email.value.trim(),
    };
    const subject = form.elements.subject.value.trim();
    if (subject) {
        body.subject = subject;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
        const answer = await request('POST', '/api/accounts', {json: body});
        const id = answer.body.accountId;
        // the new user's screen waits for the view to hold the registration (read-your-writes)
        window.location.hash = `#/users/${encodeURIComponent(id)}?minVersion=${answer.version ?? 0}&created=1`;
    } catch (problem) {
        if (problem.status === 409 && problem.is('email-taken')) {
            showFieldError(form, 'email', problem.detail || 'This email address is already taken.');
            say(message, 'Not created: the email address is taken.', 'error');
        } else if (problem.status === 409 && problem.is('subject-taken')) {
            showFieldError(form, 'subject', problem.detail || 'This login subject already has an account.');
            say(message, 'Not created: the login subject already has an account.', 'error');
        } else if (problem.status === 400 && problem.errors.length > 0) {
            const rest = showFieldErrors(form, problem.errors);
            say(message, ['Not created: check the fields marked.', ...rest].join(' '), 'error');
        } else {
            say(message, `Not created: ${problem.message}`, 'error');
        }
    } finally {
        button.disabled = false;
    }
}
