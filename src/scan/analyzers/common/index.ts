// Pure helpers every analyzer shares: URLs and hosts, path normalisation, literal decoding, evidence.

export { findUrls, hostOf, hostAndPortOf, isIpLiteral, defaultPort, type UrlMatch } from './urls.ts';
export { normalisePath, isHomePath } from './paths.ts';
export {
  decodeLiteral, decodeBase64, decodeHex, decodeEscapes, mediaKind, isMostlyPrintable, minEncodedLength,
  type Decoded, type Encoding,
} from './decode.ts';
export { countNewlines, excerpt, oneLine, LineMap } from './excerpt.ts';
export { loadParser, type SyntaxNode, type SyntaxTree } from './tree-sitter.ts';
export { childTextOfType, walkNamed, type NamedVisit, type WalkStep } from './tree-walk.ts';
export { secretPrinted } from './secret-commands.ts';
