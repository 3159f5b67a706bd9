import { render } from 'preact';
import { App } from './App';
import { connectEditor } from './connect';
import './style.css';

// The frame learns its tab's notice from the background (the sender's tab), never from its URL.
render(<App connection={connectEditor()} />, document.getElementById('app')!);
