// Signing in, when the service has access control. Without /api/auth/me (404) the dashboard runs
// with full access and there is nothing to do.
import crypto from 'node:crypto';

export async function authEnabled(service) {
  const response = await fetch(`${service.url}/api/auth/me`);
  return response.status !== 404;
}

/**
 * A dashboard user for the test: E2E_USERNAME/E2E_PASSWORD when given, else an admin user made
 * with the admin API key the first start printed (PUT /api/auth/users).
 */
export async function testUser(service, role = 'admin') {
  if (process.env.E2E_USERNAME && process.env.E2E_PASSWORD) {
    return { username: process.env.E2E_USERNAME, password: process.env.E2E_PASSWORD };
  }
  if (!service.apiKey) {
    throw new Error('The service has access control but printed no initial admin key: set E2E_USERNAME and E2E_PASSWORD (or E2E_API_KEY).');
  }
  const user = { username: `e2e-${role}`, password: crypto.randomBytes(18).toString('base64url') };
  await service.json('/api/auth/users', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: user.username, password: user.password, role }),
  });
  return user;
}

/** Signs in through the login page, as a person would. */
export async function signIn(page, service, user) {
  await page.goto(`${service.url}/login`);
  await page.waitForSelector('main[data-ready="login"]');
  await page.getByLabel(/^(user name|사용자 이름)$/i).fill(user.username);
  await page.getByLabel(/^(password|비밀번호)$/i).fill(user.password);
  await page.getByRole('button', { name: /^(sign in|로그인)$/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.waitForSelector('main[data-ready]');
}
