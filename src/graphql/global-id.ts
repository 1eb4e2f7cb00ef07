import { ClientError, ErrorCode } from '../server/errors';

/** Global ids are base64url of "Type:key"; the key is the stable key outside services store. */
export function encodeGlobalId(typename: string, key: bigint | number | string): string {
  return Buffer.from(`${typename}:${key}`, 'utf8').toString('base64url');
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = /^[A-Za-z0-9_-]+={0,2}$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const match = /^([A-Z][A-Za-z]*):(.+)$/.exec(decoded);
  if (!match?.[1] || !match[2]) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, `"${truncate(globalId)}" is not a global id of this service.`, {
      extensions: { argument: 'id' },
    });
  }
  return { typename: match[1], id: match[2] };
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
