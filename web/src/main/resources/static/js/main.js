// The page: who is signed in (GET /session), their account (GET /api/me) shown in the header,
// the account menu, and the screens chosen by the address's fragment:
//   #/settings        the signed-in user's Account Settings
//   #/users           administrators: the Users screen (?search=&page=)
//   #/users/{id}      administrators: one user's settings (?minVersion= after creating it)

import {Problem, request, signIn} from './http.js';
import {accountMenu} from './menu.js';
import {showSettings} from './settings.js';
import {showUsers} from './users.js';
import {announce, fromTemplate, initialsOf, showScreen} from './dom.js';

let session = null;
let me = null;
/** Whether the signed-in user's account is closed (GET /api/me answered 403 account-closed). */
let closed = false;
let policy = null;

const header = {
    button: document.getElementById('account-button'),
    image: document.getElementById('header-avatar'),
    initials: document.getElementById('header-initials'),
    menu: document.getElementById('account-menu'),
};

function isAdmin() {
    return Array.isArray(session.roles) && session.roles.includes('admin');
}

function renderHeader() {
    const name = me ? [me.firstName, me.lastName].filter(Boolean).join(' ') : session.name || session.subject;
    header.button.setAttribute('aria-label', `Account menu for ${name}`);
    header.button.title = name;
    if (me && me.avatarUrl) {
        header.image.src = me.avatarUrl;
        header.image.hidden = false;
        header.initials.hidden = true;
    } else {
        header.image.removeAttribute('src');
        header.image.hidden = true;
        header.initials.hidden = false;
        header.initials.textContent = me ? initialsOf(me.firstName, me.lastName) : initialsOf('', '', name);
    }
    header.button.hidden = false;
    document.getElementById('menu-users-item').hidden = !isAdmin();
}

function ownChanged(view) {
    me = view;
    renderHeader();
}

async function readMe() {
    closed = false;
    try {
        me = (await request('GET', '/api/me')).body;
    } catch (problem) {
        if (problem instanceof Problem && problem.status === 403 && problem.is('account-closed')) {
            me = null;
            closed = true; // an administrator closed it: nothing of it can be read or changed
            return;
        }
        if (!(problem instanceof Problem) || problem.status !== 404) {
            throw problem;
        }
        me = null; // a login without an account (such as an administrator's)
    }
}

async function tokenPolicy() {
    if (!policy) {
        policy = (await request('GET', '/api/token-policy')).body;
    }
    return policy;
}

function showHome() {
    const {fragment, slot} = fromTemplate('home-template');
    const name = me ? me.firstName : session.name || session.subject;
    slot('greeting').textContent = `Signed in as ${name}.`;
    showScreen(fragment);
}

function showFailure(problem) {
    const {fragment, slot} = fromTemplate('failure-template');
    const behind = problem instanceof Problem && problem.status === 503;
    slot('detail').textContent = behind
        ? 'The latest changes are not shown yet: the screen is still updating. Try again in a moment.'
        : problem.message;
    slot('retry').addEventListener('click', () => {
        // trying again is reading again: what the view has now, not a version it may never reach
        const [path] = window.location.hash.split('?');
        history.replaceState(null, '', path || '#/');
        route();
    });
    showScreen(fragment, behind ? 'Still updating' : undefined);
}

function forbidden() {
    showFailure(new Problem(403, {detail: 'Only administrators can open the Users screen.'}));
}

async function route() {
    const [path, queryText] = window.location.hash.replace(/^#/, '').split('?');
    const query = new URLSearchParams(queryText || '');
    const userMatch = path.match(/^\/users\/([^/]+)$/);
    try {
        if (path === '/settings') {
            if (!me) {
                await readMe();
            }
            if (!me) {
                showScreen(fromTemplate(closed ? 'closed-account-template' : 'no-account-template').fragment);
                return;
            }
            await showSettings({own: true}, {ownAccountId: me.accountId, onOwnChange: ownChanged,
                policy: await tokenPolicy()});
        } else if (path === '/users') {
            if (!isAdmin()) {
                forbidden();
                return;
            }
            await showUsers({search: query.get('search') || '', page: Math.max(0, Number(query.get('page')) || 0)});
        } else if (userMatch) {
            if (!isAdmin()) {
                forbidden();
                return;
            }
            const minVersion = query.has('minVersion') ? Number(query.get('minVersion')) : undefined;
            await showSettings({accountId: decodeURIComponent(userMatch[1])}, {
                minVersion, ownAccountId: me && me.accountId, onOwnChange: ownChanged,
                policy: await tokenPolicy(), notice: query.has('created') ? 'The user is created.' : undefined,
            });
            if (query.size > 0) {
                // said once: a reload of this address shows the user, not the creation again
                history.replaceState(null, '', `#${path}`);
            }
        } else {
            showHome();
        }
    } catch (problem) {
        if (problem instanceof Problem && problem.status === 401) {
            return; // on the way to sign in
        }
        showFailure(problem);
    }
}

async function signOut() {
    try {
        await request('POST', '/logout');
    } catch {
        // a redirect or an ended session: either way, to the sign-in
    }
    signIn();
}

async function start() {
    try {
        session = (await request('GET', '/session')).body;
        await readMe();
    } catch (problem) {
        if (!(problem instanceof Problem) || problem.status !== 401) {
            document.getElementById('loading').textContent = `The page could not start: ${problem.message}`;
        }
        return;
    }
    renderHeader();
    accountMenu(header.button, header.menu);
    document.getElementById('menu-sign-out').addEventListener('click', signOut);
    // choosing the screen that is already open shows it afresh (no hashchange then)
    header.menu.querySelectorAll('a[role="menuitem"]').forEach(link => link.addEventListener('click', () => {
        if (window.location.hash === link.getAttribute('href')) {
            route();
        }
    }));
    window.addEventListener('hashchange', route);
    await route();
    announce(`Signed in as ${me ? [me.firstName, me.lastName].join(' ') : session.name || session.subject}.`);
}

start();
