/** The lobby page. */
export { startLobbyPage, ROOMS_REFRESH_MS } from './LobbyPage';
