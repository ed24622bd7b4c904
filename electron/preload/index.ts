// Sandboxed preload: exposes exactly window.workbench, nothing else (never ipcRenderer itself).
import { contextBridge, ipcRenderer } from 'electron';
import { createWorkbenchApi } from './workbenchApi';

contextBridge.exposeInMainWorld('workbench', createWorkbenchApi(ipcRenderer));
