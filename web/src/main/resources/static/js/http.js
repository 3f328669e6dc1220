// Every call the page makes goes through here: same origin, the session cookie, the CSRF header
// on changes, If-Match when a version is known, and RFC 9457 problems turned into one error type.

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A refusal or failure answered by the server (or the network), with what the page shows of it. */
export class Problem extends Error {
    constructor(status, body = {}, retryAfter = null) {
        super(body.detail || body.title || `The server answered ${status}.`);
        this.status = status;
        this.type = body.type || '';
        this.title = body.title || '';
        this.detail = body.detail || '';
        this.errors = Array.isArray(body.errors) ? body.errors : [];
        this.retryAfter = retryAfter;
    }

    is(kind) {
        return this.type === `urn:eoc:problem:${kind}` || this.type.endsWith(`/${kind}`);
    }
}

function cookie(name) {
    const prefix = `${name}=`;
    const found = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith(prefix));
    return found ? decodeURIComponent(found.substring(prefix.length)) : null;
}

/** Signing in is the server's business: the page itself redirects there when there is no session. */
export function signIn() {
    window.location.assign('/');
}

function versionOf(response, body) {
    const etag = response.headers.get('ETag');
    if (etag) {
        const number = Number(etag.replace(/^W\//, '').replaceAll('"', ''));
        if (Number.isInteger(number)) {
            return number;
        }
    }
    return body && Number.isInteger(body.version) ? body.version : null;
}

async function problemOf(response) {
    const type = response.headers.get('Content-Type') || '';
    let body = {};
    if (type.includes('json')) {
        try {
            body = await response.json();
        } catch {
            body = {};
        }
    }
    const retryAfter = Number(response.headers.get('Retry-After'));
    return new Problem(response.status, body, Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null);
}

/**
 * One request. {@code json} or {@code form} is the body; {@code version} becomes If-Match.
 * Answers {status, body, version, location}; throws a Problem for anything but 2xx. A 401 sends
 * the browser to sign in.
 */
export async function request(method, path, {json, form, version} = {}) {
    const headers = {Accept: 'application/json'};
    let body;
    if (json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(json);
    } else if (form !== undefined) {
        body = form; // the browser writes the multipart boundary
    }
    if (CHANGES.has(method)) {
        const csrf = cookie('XSRF-TOKEN');
        if (csrf) {
            headers['X-XSRF-TOKEN'] = csrf;
        }
    }
    if (version !== undefined && version !== null) {
        headers['If-Match'] = `"${version}"`;
    }
    let response;
    try {
        response = await fetch(path, {method, headers, body, credentials: 'same-origin', cache: 'no-store',
            redirect: 'manual'});
    } catch {
        throw new Problem(0, {detail: 'The server could not be reached. Check your connection and try again.'});
    }
    if (response.status === 401 || response.type === 'opaqueredirect') {
        signIn();
        throw new Problem(401, {detail: 'Your session has ended: signing in again.'});
    }
    if (!response.ok) {
        throw await problemOf(response);
    }
    const type = response.headers.get('Content-Type') || '';
    const answer = response.status === 204 || !type.includes('json') ? null : await response.json();
    return {status: response.status, body: answer, version: versionOf(response, answer),
        location: response.headers.get('Location')};
}

const sleep = seconds => new Promise(resolve => setTimeout(resolve, seconds * 1000));

/**
 * Reads an account view that has at least {@code minVersion} (read-your-writes): the query side
 * waits for its projection and answers 503 view-behind past its bound. Then the page says so
 * ({@code onBehind}) and asks once more after Retry-After: one retry, never a polling loop.
 */
export async function readView(path, minVersion, onBehind = () => {}) {
    const url = minVersion === undefined || minVersion === null ? path : `${path}?minVersion=${minVersion}`;
    try {
        return await request('GET', url);
    } catch (problem) {
        if (problem instanceof Problem && problem.status === 503 && problem.is('view-behind')) {
            onBehind(problem);
            await sleep(problem.retryAfter ?? 1);
            return request('GET', url);
        }
        throw problem;
    }
}
