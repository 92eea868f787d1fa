// Entry point: picks the page from the path and loads only that page's code.
import './styles/base.css';
import { route } from './pages';

const root = document.getElementById('app') as HTMLElement;
const where = route(location.pathname);

if (where.page === 'room') {
  import('./styles/room.css');
  void import('./pages/room').then(({ startRoomPage }) =>
    startRoomPage(root, where.roomId, new URLSearchParams(location.search)),
  );
} else if (where.page === 'lobby') {
  import('./styles/lobby.css');
  import('./styles/editor.css');
  void import('./pages/lobby').then(({ startLobbyPage }) => startLobbyPage(root));
} else {
  root.innerHTML =
    '<main class="not-found"><h1>Nothing here</h1><p><a class="btn btn-primary" href="/">Go to the lobby</a></p></main>';
}
