/**
 * A stand-in for `fetch` (jsdom has none): answers every request with the given response, or
 * rejects with the given error as a network failure does.
 */
export interface FakeResponse {
  status?: number;
  statusText?: string;
  body: string;
}

const originalFetch = globalThis.fetch;

export function mockFetch(answer: FakeResponse | Error): jest.Mock {
  const fetchMock = jest.fn(async () => {
    if (answer instanceof Error) throw answer;
    const status = answer.status ?? 200;
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: answer.statusText ?? "OK",
      text: async () => answer.body,
    };
  });
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

export function restoreFetch(): void {
  globalThis.fetch = originalFetch;
}
